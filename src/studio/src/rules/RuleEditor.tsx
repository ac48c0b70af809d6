import { json } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { Badge, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, asText, call } from '../api/client';
import { refusedProblems } from '../api/problem';
import { applyFix, ruleDiagnostics } from './editor/quickFixes';
import { ProblemList } from './editor/ProblemList';
import { useRuleCompletion } from './editor/useRuleCompletion';
import type { RuleProblem } from './ruleProblems';
import { RuleForm } from './form/RuleForm';
import { RuleActions } from './RuleActions';
import { useShareRuleDraft } from './draft/ruleDraft';

/** One rule file in CodeMirror: checked by the server as you type (nothing published), problems marked at their line
 *  and expression character; what-if against every account and publish with a note (RuleActions). */
export function RuleEditor({ name, stored }: { name: string; stored: string }) {
  const [text, setText] = useState(stored);
  useShareRuleDraft(name, text, stored); // the golden cases and explain panels run on what is being typed
  const [checked] = useDebouncedValue(text, 500);
  // Form or JSON, in the URL so a link opens the same view; both edit `text`, so switching loses nothing.
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'form' ? 'form' : 'json';
  const showView = (next: string) => setParams((p) => { if (next === 'form') p.set('view', 'form'); else p.delete('view'); return p; }, { replace: true });
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
  const completion = useRuleCompletion();
  const editor = useRef<ReactCodeMirrorRef>(null);
  const extensions = useMemo(() => [
    json(), lintGutter(), EditorView.lineWrapping, completion,
    EditorView.contentAttributes.of({ 'aria-label': `${name}.json` }),
    linter(() => (current ? ruleDiagnostics(text, problems) : []), { delay: 0 }),
  ], [name, problems, current, text, completion]);

  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={650} ff="monospace">{name}.json</Text>
          <SegmentedControl size="xs" value={view} onChange={showView} aria-label="View" data={[{ label: 'Form', value: 'form' }, { label: 'JSON', value: 'json' }]} />
          {text !== stored && <Badge color="yellow" variant="dot">not published</Badge>}
          {validation.isFetching ? <Loader size={12} aria-label="Checking" />
            : current && problems.length === 0 ? <Badge color="teal" variant="light">no problems</Badge>
            : current ? <Badge color="red">{problems.length} problem{problems.length > 1 ? 's' : ''}</Badge> : null}
        </Group>
        <RuleActions name={name} text={text} stored={stored} problems={current ? problems : []} checking={!current || validation.isFetching} />
      </Group>
      {view === 'form' ? <RuleForm text={text} live={stored} onChange={setText} problems={current ? problems : []} onShowJson={() => showView('json')} />
        : <CodeMirror ref={editor} value={text} onChange={setText} extensions={extensions} height="100%" style={{ flex: 1, minHeight: 0, overflow: 'auto', fontSize: 13,
        border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />}
      {current && problems.length > 0 && view !== 'form' && <ProblemList problems={problems} text={text} onFix={(fix) => applyFix(editor.current?.view ?? undefined, fix)} />}
    </Stack>
  );
}
