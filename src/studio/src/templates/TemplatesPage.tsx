import { Badge, Group, NavLink, Paper, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { mayEdit, mayOpen } from '../auth/roles';
import { useMe } from '../auth/useMe';
import { EmptyState, ErrorState, LoadingState } from '../common/QueryStates';
import type { PreviewTarget } from './preview/useTemplatePreview';
import { useTemplateFile, useTemplates, type TemplateSummary } from './queries';
import { TemplateEditor } from './TemplateEditor';

/** /templates/:name?account=…&signal=… — the task templates (templates/*.sbn): ops and admins edit them, managers
 *  read them. The preview's account and signal live in the URL, so they stay while you move between templates. */
export function TemplatesPage() {
  const { name } = useParams();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState('');
  const me = useMe();
  const templates = useTemplates();
  if (templates.isPending) return <LoadingState label="Loading the templates" />;
  if (templates.error) return <ErrorState error={templates.error} title="Could not load the templates" onRetry={() => void templates.refetch()} />;
  const search = params.toString() ? `?${params.toString()}` : '';
  if (!name && templates.data[0]) return <Navigate to={`/templates/${encodeURIComponent(templates.data[0].name)}${search}`} replace />;

  const role = me.data?.role ?? '';
  const target: PreviewTarget = { accountId: params.get('account'), signalId: params.get('signal') };
  const onTarget = (next: PreviewTarget) => setParams((p) => {
    const updated = new URLSearchParams(p);
    for (const [key, value] of [['account', next.accountId], ['signal', next.signalId]] as const) {
      if (value) updated.set(key, value); else updated.delete(key);
    }
    return updated;
  }, { replace: true });
  const shown = templates.data.filter((t) => `${t.name} ${t.sampleTitle ?? ''}`.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <Group align="stretch" gap={0} wrap="nowrap" h="calc(100dvh - 56px)">
      <Stack w={290} p="md" gap="sm" style={{ borderRight: '1px solid var(--mantine-color-gray-3)', background: 'white', flexShrink: 0 }}
        component="nav" aria-label="Templates">
        <Title order={1} size="h3">Templates</Title>
        <TextInput size="xs" placeholder="Filter templates" aria-label="Filter templates" leftSection={<IconSearch size={14} />}
          value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
        <ScrollArea flex={1} type="auto">
          {templates.data.length === 0 ? <EmptyState title="No templates">Ops add one by saving a new name through the API or a file in templates/.</EmptyState>
            : shown.length === 0 ? <Text size="sm" c="dimmed" p="xs">No template matches “{filter}”.</Text>
            : shown.map((t) => <TemplateLink key={t.name} template={t} active={t.name === name} search={search} />)}
        </ScrollArea>
      </Stack>
      <Paper radius={0} p="md" style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        {name ? (
          <TemplateFile key={name} name={name} summary={templates.data.find((t) => t.name === name)} target={target} onTarget={onTarget}
            readOnly={!mayEdit(role, 'templates')} linkToDesigner={mayOpen(role, 'playbooks')} />
        ) : <EmptyState title="Choose a template" />}
      </Paper>
    </Group>
  );
}

function TemplateLink({ template, active, search }: { template: TemplateSummary; active: boolean; search: string }) {
  return (
    <NavLink component={Link} to={`/templates/${encodeURIComponent(template.name)}${search}`} active={active} style={{ borderRadius: 8 }}
      label={
        <Group gap={4} wrap="nowrap" justify="space-between">
          <Text size="sm" ff="monospace" truncate>{template.name}</Text>
          <Group gap={4} wrap="nowrap">
            {template.problems.length > 0 && <Badge size="xs" color="red" title="Problems in the file; the last good version stays live">{template.problems.length}</Badge>}
            {template.uses === 0 && <Badge size="xs" color="gray" variant="light" title="No playbook step uses it">unused</Badge>}
          </Group>
        </Group>
      }
      description={template.sampleTitle ?? 'no live version'} />
  );
}

function TemplateFile(props: Omit<Parameters<typeof TemplateEditor>[0], 'stored'>) {
  const file = useTemplateFile(props.name);
  if (file.isPending) return <LoadingState label={`Loading ${props.name}.sbn`} />;
  if (file.error) return <ErrorState error={file.error} title={`Could not load ${props.name}.sbn`} onRetry={() => void file.refetch()} />;
  return <TemplateEditor {...props} stored={file.data} />;
}
