import { json } from '@codemirror/lang-json';
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';

/** Two versions of a file side by side (read-only CodeMirror merge view): changed lines marked, long unchanged
 *  stretches folded away. */
export function DiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const side = (doc: string, name: string) => ({
      doc,
      extensions: [json(), EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': name })],
    });
    const view = new MergeView({
      a: side(before, `${label}, before`), b: side(after, `${label}, after`), parent: host.current,
      collapseUnchanged: { margin: 3, minSize: 6 }, gutter: true,
    });
    return () => view.destroy();
  }, [before, after, label]);
  return (
    <Box ref={host} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'auto', maxHeight: '62vh', fontSize: 12 }} />
  );
}
