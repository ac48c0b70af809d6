import { describe, expect, it } from 'vitest';
import { markerFor } from './ruleProblems';

const text = '[\n  { "WorkflowName": "Fit", "Rules": [\n    { "RuleName": "X", "Expression": "account.Employes > 3" } ] } ]';

describe('markerFor', () => {
  it('marks the word at the expression position on the problem line', () => {
    const m = markerFor(text, { file: 'scoring.json', workflow: 'Fit', rule: 'X', message: 'unknown field Employes', line: 3, position: 8 });
    expect(text.slice(m.from, m.to)).toBe('Employes');
  });
  it('counts an escaped quote in the expression as one character', () => {
    const escaped = '{ "RuleName": "Y", "Expression": "account.IndustryIn(\\"A\\") && account.Foo" }';
    const m = markerFor(escaped, { file: 'f', workflow: null, rule: 'Y', message: 'unknown field Foo', line: 1, position: 35 });
    expect(escaped.slice(m.from, m.to)).toBe('Foo');
  });
  it('marks the whole line when the problem has no position, with the suggestion', () => {
    const m = markerFor(text, { file: 'scoring.json', workflow: 'Fit', rule: null, message: 'bad', line: 2, suggestion: 'Did you mean Y?' });
    expect(text.slice(m.from, m.to)).toBe('{ "WorkflowName": "Fit", "Rules": [');
    expect(m.message).toBe('bad. Did you mean Y?');
  });
  it('falls back to the first line without a line number', () => {
    const m = markerFor(text, { file: 'scoring.json', workflow: null, rule: null, message: 'no Composite workflow' });
    expect(m.from).toBe(0);
  });
});
