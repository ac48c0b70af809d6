import { describe, expect, it } from 'vitest';
import { insertion, insideCode } from './fieldInsert';

function apply(doc: string, at: number, expression: string, to = at, print = expression) {
  const i = insertion(doc, at, to, { insert: expression, print });
  return { text: doc.slice(0, i.from) + i.insert + doc.slice(i.to), cursor: i.cursor };
}

describe('insertion', () => {
  it('wraps the field in braces in plain text and puts the cursor after it', () => {
    const { text, cursor } = apply('Call  today', 5, 'account.name');
    expect(text).toBe('Call {{ account.name }} today');
    expect(text.slice(0, cursor)).toBe('Call {{ account.name }}');
  });

  it('inserts the bare expression inside a code block', () => {
    expect(apply('{{ if  }}', 6, 'signal?.type').text).toBe('{{ if signal?.type }}');
  });

  it('prints the field readably in plain text and compares it bare in code', () => {
    const print = "step.due_at | date.to_string '%a %d %b %H:%M UTC'";
    expect(apply('Due ', 4, 'step.due_at', 4, print).text).toBe(`Due {{ ${print} }}`);
    expect(apply('{{ if  < now }}', 6, 'step.due_at', 6, print).text).toBe('{{ if step.due_at < now }}');
  });

  it('keeps a space between the expression and the braces or words it touches', () => {
    expect(apply('{{}}', 2, 'account.name').text).toBe('{{ account.name }}');
    expect(apply('{{ x ?? }}', 7, 'account.industry').text).toBe('{{ x ?? account.industry }}');
    expect(apply('{{ if }}', 5, 'owner').text).toBe('{{ if owner }}');
  });

  it('replaces the selection', () => {
    expect(apply('Hello NAME!', 6, 'account.name', 10).text).toBe('Hello {{ account.name }}!');
  });

  it('treats text after a closed block as plain text', () => {
    expect(insideCode('{{ a }} b', 8)).toBe(false);
    expect(insideCode('{{ a }} {{ b', 12)).toBe(true);
    expect(apply('{{ a }} and ', 12, 'now').text).toBe('{{ a }} and {{ now }}');
  });
});
