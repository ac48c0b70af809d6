import { json } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChartArrows, IconRocket } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useMemo, useRef, useState } from 'react';
import { api, asText, call } from '../api/client';
import { errorMessage, refusedProblems } from '../api/problem';
import { applyFix, ruleDiagnostics } from './editor/quickFixes';
import { ProblemList } from './editor/ProblemList';
import { useRuleAssist } from './editor/useRuleAssist';
import type { RuleProblem } from './ruleProblems';
import { ruleKeys } from './queries';
import { WhatIfPanel } from './WhatIfPanel';

/** One rule file in CodeMirror: checked by the server as you type (nothing published), problems marked at their line
 *  and expression character; what-if against every account; publish, refused with the reasons. */
export function RuleEditor({ name, stored }: { name: string; stored: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(stored);
  const [checked] = useDebouncedValue(text, 500);
  const validation = useQuery({
    queryKey: ['rules', 'validate', name, checked],
    queryFn: async (): Promise<RuleProblem[]> => {
      try {
        return (await call(api.POST('/api/rules/{name}/validate', { params: { path: { name } }, body: checked, ...asText }))).problems;
      } catch (error) {
        return refusedProblems<RuleProblem>(error);
      }
    },
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });
  const problems = useMemo(() => validation.data ?? [], [validation.data]);
  const current = checked === text;
  const assist = useRuleAssist();
  const editor = useRef<ReactCodeMirrorRef>(null);
  const extensions = useMemo(() => [
    json(), lintGutter(), EditorView.lineWrapping, assist,
    EditorView.contentAttributes.of({ 'aria-label': `${name}.json` }),
    linter(() => (current ? ruleDiagnostics(text, problems) : []), { delay: 0 }),
  ], [name, problems, current, text, assist]);

  const whatIf = useMutation({
    mutationFn: () => call(api.POST('/api/rules/{name}/preview', { params: { path: { name } }, body: text, ...asText })),
  });
  const publish = useMutation({
    mutationFn: () => call(api.PUT('/api/rules/{name}', { params: { path: { name } }, body: text, ...asText })),
    onSuccess: (result) => {
      queryClient.setQueryData(ruleKeys.file(name), text);
      void queryClient.invalidateQueries({ queryKey: ruleKeys.ruleset });
      void queryClient.invalidateQueries({ queryKey: ruleKeys.versions });
      notifications.show({ color: 'green', title: result.unchanged ? 'Nothing changed' : `Ruleset ${result.version.slice(0, 12)} is live`,
        message: result.unchanged ? 'The file is the same as the live one.' : 'Accounts are re-evaluated with it.' });
    },
  });
  const refused = useMemo(() => { try { return publish.error ? refusedProblems<RuleProblem>(publish.error) : []; } catch { return []; } }, [publish.error]);

  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={650} ff="monospace">{name}.json</Text>
          {text !== stored && <Badge color="yellow" variant="dot">not published</Badge>}
          {validation.isFetching ? <Loader size={12} aria-label="Checking" />
            : current && problems.length === 0 ? <Badge color="teal" variant="light">no problems</Badge>
            : current ? <Badge color="red">{problems.length} problem{problems.length > 1 ? 's' : ''}</Badge> : null}
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconChartArrows size={14} />} loading={whatIf.isPending}
            onClick={() => whatIf.mutate()}>What if…</Button>
          <Button size="xs" leftSection={<IconRocket size={14} />} loading={publish.isPending} disabled={text === stored}
            onClick={() => publish.mutate()}>Publish</Button>
        </Group>
      </Group>
      {publish.error && (
        <Alert color="red" role="alert" title="Not published: the live version stays">
          {refused.length ? refused.map((p, i) => <Text key={i} size="xs">{p.workflow ? `${p.workflow}${p.rule ? ` · ${p.rule}` : ''}: ` : ''}{p.message}</Text>)
            : <Text size="sm">{errorMessage(publish.error)}</Text>}
        </Alert>
      )}
      <CodeMirror ref={editor} value={text} onChange={(t) => { setText(t); if (publish.error) publish.reset(); }} extensions={extensions} height="100%" style={{ flex: 1, minHeight: 0, overflow: 'auto', fontSize: 13,
        border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />
      {current && problems.length > 0 && <ProblemList problems={problems} text={text} onFix={(fix) => applyFix(editor.current?.view ?? undefined, fix)} />}
      {whatIf.error && <Alert color="red" role="alert" title="What-if did not run">{errorMessage(whatIf.error)}</Alert>}
      {whatIf.data && <WhatIfPanel report={whatIf.data} onClose={() => whatIf.reset()} />}
    </Stack>
  );
}
