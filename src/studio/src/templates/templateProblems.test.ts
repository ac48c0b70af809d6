import { describe, expect, it } from 'vitest';
import { templateMarker } from './templateProblems';

const text = 'Title {{ account.name }}\nHello {{ account.nme }} there';

describe('templateMarker', () => {
  it('marks the word at the line and column', () => {
    const m = templateMarker(text, { line: 2, column: 10 });
    expect(text.slice(m.from, m.to)).toBe('account.nme');
  });
  it('marks the whole line without a column', () => {
    const m = templateMarker(text, { line: 1, column: null });
    expect(text.slice(m.from, m.to)).toBe('Title {{ account.name }}');
  });
});
