import { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import type { RuleProblem } from '../ruleProblems';
import { applyFix, fixRange, ruleDiagnostics } from './quickFixes';

const text = '[\n  { "WorkflowName": "Fit", "Rules": [\n    { "RuleName": "X", "Expression": "account.Employes > 3" } ] } ]';
const employes: RuleProblem = {
  file: 'scoring.json', workflow: 'Fit', rule: 'X', message: 'unknown field Employes on account', line: 3, position: 8,
  suggestion: 'Did you mean EmployeeCount?', fix: { replace: 'Employes', with: 'EmployeeCount', line: 3, column: 47 },
};

describe('fixRange', () => {
  it('maps the line and column to the characters the fix replaces', () => {
    const range = fixRange(text, employes.fix!);
    expect(range && text.slice(range.from, range.to)).toBe('Employes');
  });
  it('refuses a fix whose characters are no longer there', () => {
    expect(fixRange(text.replace('Employes', 'Employees'), employes.fix!)).toBeNull();
    expect(fixRange(text, { ...employes.fix!, line: 9 })).toBeNull();
  });
  it('counts columns in the file as written, escapes included', () => {
    const escaped = '{ "Expression": "account.IndustryIn(\\"A\\") && account.Industyr == \\"B\\"" }';
    const range = fixRange(escaped, { replace: 'Industyr', with: 'Industry', line: 1, column: escaped.indexOf('Industyr') + 1 });
    expect(range && escaped.slice(range.from, range.to)).toBe('Industyr');
  });
});

describe('ruleDiagnostics', () => {
  it('marks exactly the fix range and offers the fix as an action', () => {
    const diagnostic = first(ruleDiagnostics(text, [employes]));
    expect(text.slice(diagnostic.from, diagnostic.to)).toBe('Employes');
    expect(diagnostic.message).toBe('unknown field Employes on account Did you mean EmployeeCount?');
    expect(diagnostic.actions?.map((a) => a.name)).toEqual(['Replace with EmployeeCount']);
  });
  it('marks a problem without a fix where markerFor puts it, with no action', () => {
    const diagnostic = first(ruleDiagnostics(text, [{ ...employes, fix: null }]));
    expect(text.slice(diagnostic.from, diagnostic.to)).toBe('Employes');
    expect(diagnostic.actions).toBeUndefined();
  });
  it('marks a key fix on the key itself', () => {
    const keyed = '[\n  { "WorkflowName": "Fit", "Rules": [\n    { "RuleNam": "X", "Expression": "true" } ] } ]';
    const diagnostic = first(ruleDiagnostics(keyed, [{ file: 'f', workflow: 'Fit', rule: null, message: 'unknown key "RuleNam"', line: 3,
      fix: { replace: 'RuleNam', with: 'RuleName', line: 3, column: 8 } }]));
    expect(keyed.slice(diagnostic.from, diagnostic.to)).toBe('RuleNam');
  });
});

function first<T>(items: readonly T[]): T {
  expect(items.length).toBeGreaterThan(0);
  return items[0]!;
}

/** Just enough of an EditorView to apply transactions (jsdom cannot measure a real one). */
function viewOf(doc: string): EditorView {
  const view = { state: EditorState.create({ doc }), dispatch: (spec: object) => { view.state = view.state.update(spec).state; }, focus: () => {} };
  return view as unknown as EditorView;
}

describe('applyFix', () => {
  it('edits the text of the editor, and applying the diagnostic action does the same', () => {
    const view = viewOf(text);
    expect(applyFix(view, employes.fix!)).toBe(true);
    expect(view.state.doc.toString()).toContain('"account.EmployeeCount > 3"');
    expect(applyFix(view, employes.fix!)).toBe(false); // stale now: nothing to replace

    const fresh = viewOf(text);
    const diagnostic = first(ruleDiagnostics(text, [employes]));
    void first(diagnostic.actions ?? []).apply(fresh, diagnostic.from, diagnostic.to);
    expect(fresh.state.doc.toString()).toBe(view.state.doc.toString());
  });
});
