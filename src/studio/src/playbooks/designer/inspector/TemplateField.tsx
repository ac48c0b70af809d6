import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../api/problem';
import { AccountPicker } from '../../../accounts/AccountPicker';

/** Picks a task template (templates/NAME.sbn) and previews it rendered for a chosen real account. */
export function TemplateField({ label, description, value, required, onChange }: {
  label: string; description?: string; value: string; required: boolean; onChange: (value: string) => void;
}) {
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => call(api.GET('/api/templates')), staleTime: 60_000 });
  const [accountId, setAccountId] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: () => call(api.POST('/api/templates/{name}/preview', {
      params: { path: { name: value } }, body: { accountId, signalId: null, text: null },
    })),
  });
  const names = (templates.data ?? []).map((t) => ({ value: t.name, label: t.sampleTitle ? `${t.name} — ${t.sampleTitle}` : t.name }));
  if (value && !names.some((n) => n.value === value)) names.unshift({ value, label: `${value} (no such template)` });

  return (
    <Stack gap={6}>
      <Select label={label} withAsterisk={required} description={description} searchable data={names} value={value || null}
        onChange={(v) => { onChange(v ?? ''); preview.reset(); }} placeholder={templates.isPending ? 'Loading templates…' : 'Choose a template'}
        error={templates.error ? errorMessage(templates.error) : undefined} />
      {value && (
        <Paper withBorder p="xs" radius="md" bg="gray.0">
          <Stack gap={6}>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <div style={{ flex: 1 }}><AccountPicker label="Preview for account" size="xs" value={accountId} onChange={setAccountId} /></div>
              <Button size="xs" variant="light" leftSection={<IconEye size={14} />} disabled={!accountId}
                loading={preview.isPending} onClick={() => preview.mutate()}>Preview</Button>
            </Group>
            {preview.error && <Alert color="red" p="xs" role="alert">{errorMessage(preview.error)}</Alert>}
            {preview.data && (
              <div aria-label="Rendered task">
                <Text fw={600} size="sm">{preview.data.title}</Text>
                <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>{preview.data.body}</Text>
              </div>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
