import { EditorView } from '@codemirror/view';

/** The quick fix in the marker's tooltip looks like the Studio's buttons, and a long "did you mean" wraps in a
 *  readable width. */
export const ruleAssistTheme = EditorView.baseTheme({
  '.cm-tooltip-lint': { maxWidth: '560px' },
  '.cm-diagnosticAction': {
    backgroundColor: 'var(--mantine-color-blue-filled, #228be6)',
    borderRadius: '4px',
    padding: '2px 8px',
    fontSize: '12px',
    fontWeight: '600',
  },
  '.cm-diagnosticAction:hover, .cm-diagnosticAction:focus-visible': { backgroundColor: 'var(--mantine-color-blue-filled-hover, #1c7ed6)' },
  '.cm-completionInfo': { padding: '6px 10px' },
});
