import type { Diagnostic } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import type { components } from '../../api/schema';
import { markerFor, type RuleProblem } from '../ruleProblems';

export type RuleFix = components['schemas']['RuleFix'];

/** The characters a fix replaces in `text`: its line and column, checked against what it expects to find there, so
 *  a fix from an older check never edits the wrong characters (null then). */
export function fixRange(text: string, fix: RuleFix): { from: number; to: number } | null {
  let start = 0;
  for (let line = 1; line < fix.line; line++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return null;
    start = newline + 1;
  }
  const from = start + fix.column - 1;
  const to = from + fix.replace.length;
  return text.slice(from, to) === fix.replace ? { from, to } : null;
}

export function fixLabel(fix: RuleFix): string {
  return `Replace with ${fix.with}`;
}

/** The server's problems as CodeMirror diagnostics: a problem with a fix is marked on exactly the characters the fix
 *  replaces and offers it as an action ("Replace with EmployeeCount"); others are marked as `markerFor` places them. */
export function ruleDiagnostics(text: string, problems: RuleProblem[]): Diagnostic[] {
  return problems.map((problem): Diagnostic => {
    const marker = markerFor(text, problem);
    const range = problem.fix ? fixRange(text, problem.fix) : null;
    if (!problem.fix || !range) return { ...marker, severity: 'error' };
    const fix = problem.fix;
    return {
      ...marker, ...range, severity: 'error',
      actions: [{ name: fixLabel(fix), apply: (view, from, to) => { applyFixAt(view, fix, from, to); } }],
    };
  });
}

/** Applies a fix in the editor (one undoable change), selects the new text and brings it into view. */
export function applyFix(view: EditorView | undefined, fix: RuleFix): boolean {
  if (!view) return false;
  const range = fixRange(view.state.doc.toString(), fix);
  if (!range) return false;
  applyFixAt(view, fix, range.from, range.to);
  view.focus();
  return true;
}

function applyFixAt(view: EditorView, fix: RuleFix, from: number, to: number) {
  if (view.state.sliceDoc(from, to) !== fix.replace) return;
  view.dispatch({
    changes: { from, to, insert: fix.with },
    selection: { anchor: from, head: from + fix.with.length },
    scrollIntoView: true,
    userEvent: 'input.fix',
  });
}
