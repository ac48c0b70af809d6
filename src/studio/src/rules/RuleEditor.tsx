import { json } from '@codemirror/lang-json';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, useState } from 'react';
import { api, asText, call } from '../api/client';
import { refusedProblems } from '../api/problem';
import { RuleActions } from './RuleActions';
import { markerFor, type RuleProblem } from './ruleProblems';

/** One rule file in CodeMirror: checked by the server as you type (nothing published), problems marked at their line
 *  and expression character; what-if against every account and publish with a note (RuleActions). */
export function RuleEditor({ name, stored }: { name: string; stored: string }) {
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
  const extensions = useMemo(() => [
    json(), lintGutter(), EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': `${name}.json` }),
    linter(() => (current ? problems.map((p): Diagnostic => ({ ...markerFor(text, p), severity: 'error' })) : []), { delay: 0 }),
  ], [name, problems, current, text]);

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
        <RuleActions name={name} text={text} stored={stored} problems={current ? problems : []} checking={!current || validation.isFetching} />
      </Group>
      <CodeMirror value={text} onChange={setText} extensions={extensions} height="100%" style={{ flex: 1, minHeight: 0, overflow: 'auto', fontSize: 13,
        border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />
      {current && problems.length > 0 && (
        <Stack gap={2} aria-label="Problems" component="section" mah={140} style={{ overflow: 'auto' }}>
          {problems.map((p, i) => (
            <Text key={i} size="xs" c="red.8">{p.line ? `line ${p.line} · ` : ''}{p.workflow ?? ''}{p.rule ? ` · ${p.rule}` : ''}: {p.message}{p.suggestion ? ` ${p.suggestion}` : ''}</Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
