import { Input, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../api/problem';

export type ExpressionKind = 'decision' | 'signalFilter';

/** A condition in the rules' expression language, checked by the server as you type (nothing is evaluated);
 *  its problems are drawn under the text at their position. */
export function ExpressionField({ label, description, value, required, kind, onChange }: {
  label: string; description?: string; value: string; required: boolean; kind: ExpressionKind; onChange: (value: string) => void;
}) {
  const id = useId();
  const [debounced] = useDebouncedValue(value, 350);
  const check = useQuery({
    queryKey: ['expressions', kind, debounced],
    queryFn: () => call(api.POST('/api/playbooks/expressions/check', { body: { expression: debounced, kind } })),
    enabled: debounced.trim() !== '',
    staleTime: Infinity,
  });
  const problems = useMemo(() => (debounced === value ? check.data?.problems ?? [] : []), [check.data, debounced, value]);
  const extensions = useMemo(() => [
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-labelledby': `${id}-label`, 'aria-describedby': `${id}-problems` }),
    lintGutter(),
    linter(() => problems.map((p): Diagnostic => {
      const from = Math.min(p.start ?? 0, value.length);
      const to = Math.max(from, Math.min(p.end ?? value.length, value.length));
      return { from, to: to === from ? Math.min(from + 1, value.length) : to, severity: 'error', message: p.message };
    }), { delay: 0 }),
  ], [id, problems, value.length]);

  return (
    <Input.Wrapper label={label} labelProps={{ id: `${id}-label` }} withAsterisk={required} description={description}>
      <CodeMirror value={value} onChange={onChange} extensions={extensions} basicSetup={{ lineNumbers: false, foldGutter: false, highlightActiveLine: false }}
        minHeight="52px" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, overflow: 'hidden', fontSize: 13 }} />
      <div id={`${id}-problems`} aria-live="polite">
        {check.error ? <Text size="xs" c="red">{errorMessage(check.error)}</Text>
          : problems.map((p, i) => <Text key={i} size="xs" c="red">{p.message}</Text>)}
        {!check.error && problems.length === 0 && check.data?.ok && debounced === value && <Text size="xs" c="teal">The server accepts this condition.</Text>}
      </div>
    </Input.Wrapper>
  );
}
