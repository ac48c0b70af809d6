/** What inserting a model field at the cursor does: replace the selection with the field, in plain text as
 *  `{{ print }}` (printed readably: a date formatted, a list joined), inside a code block as the bare expression
 *  (braces there would break the template), with a space between it and any word it would otherwise touch. */
export interface Insertion {
  from: number;
  to: number;
  insert: string;
  /** Where the cursor goes afterwards: after the expression, inside the braces' closing space. */
  cursor: number;
}

export function insideCode(doc: string, at: number): boolean {
  const before = doc.slice(0, at);
  return before.lastIndexOf('{{') > before.lastIndexOf('}}');
}

export function insertion(doc: string, from: number, to: number, field: { insert: string; print: string }): Insertion {
  const expression = field.insert;
  if (!insideCode(doc, from)) {
    const insert = `{{ ${field.print} }}`;
    return { from, to, insert, cursor: from + insert.length };
  }
  const touches = (c: string | undefined) => c !== undefined && /[\w.?)\]"'}]/.test(c);
  const lead = touches(doc[from - 1]) || doc[from - 1] === '{' ? ' ' : '';
  const trail = touches(doc[to]) || doc[to] === '}' || doc[to] === '~' ? ' ' : '';
  const insert = `${lead}${expression}${trail}`;
  return { from, to, insert, cursor: from + lead.length + expression.length };
}
