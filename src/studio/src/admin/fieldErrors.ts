import { ApiError } from '../api/problem';

/**
 * The server's field errors (a 400 validation problem) as one message per form field, keyed the way the form names its
 * fields (the server's camelCase names, with list indexes dropped: "territories[2]" → "territories"). Errors for fields
 * the form does not show stay in `other`, so nothing the server said is lost.
 */
export function fieldErrors(error: unknown, formFields: readonly string[]): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError) || !error.problem.errors) return { fields, other };
  for (const [key, messages] of Object.entries(error.problem.errors)) {
    const field = key.replace(/\[\d+\]$/, '').replace(/^\$\./, '');
    const name = formFields.find((f) => f.toLowerCase() === field.toLowerCase());
    const message = messages.join('; ');
    if (name) fields[name] = fields[name] ? `${fields[name]}; ${message}` : message;
    else other.push(`${key}: ${message}`);
  }
  return { fields, other };
}
