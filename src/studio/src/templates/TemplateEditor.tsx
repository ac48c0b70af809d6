import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, useState } from 'react';
import { AccountPicker } from '../accounts/AccountPicker';
import { api, asText, call } from '../api/client';
import { errorMessage, refusedProblems } from '../api/problem';
import { Markdown } from '../tasks/Markdown';
import { scriban } from './scribanMode';
import { type TemplateProblem, templateMarker } from './templateProblems';

type Preview = { title: string; body: string } | { problems: TemplateProblem[] };

/** One template in CodeMirror with a live preview: the text as you type, rendered by the server for a chosen real
 *  account (nothing saved); parse and render problems marked at their line and column; save refused with reasons. */
export function TemplateEditor({ name, stored }: { name: string; stored: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(stored);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [checked] = useDebouncedValue(text, 400);
  const preview = useQuery({
    queryKey: ['templates', 'preview', name, accountId, checked],
    queryFn: async (): Promise<Preview> => {
      try {
        return await call(api.POST('/api/templates/{name}/preview', { params: { path: { name } }, body: { accountId, signalId: null, text: checked } }));
      } catch (error) {
        return { problems: refusedProblems<TemplateProblem>(error) };
      }
    },
    enabled: accountId !== null,
    placeholderData: (previous) => previous,
  });
  const problems = useMemo(() => (preview.data && 'problems' in preview.data ? preview.data.problems : []), [preview.data]);
  const current = checked === text;
  const extensions = useMemo(() => [
    scriban, lintGutter(), EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': `${name}.sbn` }),
    linter(() => (current ? problems.map((p): Diagnostic => ({ ...templateMarker(text, p), severity: 'error', message: p.message })) : []), { delay: 0 }),
  ], [name, problems, current, text]);

  const save = useMutation({
    mutationFn: () => call(api.PUT('/api/templates/{name}', { params: { path: { name } }, body: text, ...asText })),
    onSuccess: () => {
      queryClient.setQueryData(['templates', 'file', name], text);
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
      notifications.show({ color: 'green', message: `${name}.sbn is live: new tasks render with it` });
    },
  });
  const refused = useMemo(() => { try { return save.error ? refusedProblems<TemplateProblem>(save.error) : []; } catch { return []; } }, [save.error]);

  return (
    <Group align="stretch" gap="md" wrap="nowrap" h="100%">
      <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={650} ff="monospace">{name}.sbn</Text>
            {text !== stored && <Badge color="yellow" variant="dot">not saved</Badge>}
          </Group>
          <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} disabled={text === stored} loading={save.isPending} onClick={() => save.mutate()}>Save</Button>
        </Group>
        {save.error && (
          <Alert color="red" role="alert" title="Not saved: the live template stays">
            {refused.length ? refused.map((p, i) => <Text key={i} size="xs">{p.text}</Text>) : <Text size="sm">{errorMessage(save.error)}</Text>}
          </Alert>
        )}
        <CodeMirror value={text} onChange={(t) => { setText(t); if (save.error) save.reset(); }} extensions={extensions} height="100%"
          style={{ flex: 1, minHeight: 0, overflow: 'auto', fontSize: 13, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />
        <Text size="xs" c="dimmed">The first line is the task's title, the rest its body (Markdown). Variables: see docs/templates.md.</Text>
      </Stack>
      <Paper withBorder radius="md" p="sm" w={420} style={{ display: 'flex', flexDirection: 'column', gap: 8, minHeight: 0 }} component="section" aria-label="Preview">
        <AccountPicker label="Preview for account" value={accountId} onChange={setAccountId} />
        {!accountId ? <Text size="sm" c="dimmed">Choose an account to see the task as its rep would.</Text>
          : preview.isPending ? <Loader size="sm" />
          : preview.error ? <Alert color="red" role="alert">{errorMessage(preview.error)}</Alert>
          : problems.length > 0 ? (
            <Alert color="red" title={`${problems.length} problem${problems.length > 1 ? 's' : ''}`} role="alert">
              {problems.map((p, i) => <Text key={i} size="xs">{p.line ? `line ${p.line}${p.column ? `:${p.column}` : ''} · ` : ''}{p.message}</Text>)}
            </Alert>
          ) : preview.data && 'title' in preview.data ? (
            <Stack gap={4} style={{ overflow: 'auto' }}>
              <Text fw={650}>{preview.data.title}</Text>
              <Markdown source={preview.data.body} />
            </Stack>
          ) : null}
      </Paper>
    </Group>
  );
}
