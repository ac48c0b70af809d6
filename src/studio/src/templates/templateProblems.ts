import type { components } from '../api/schema';

export type TemplateProblem = components['schemas']['TemplateProblemView'];

/** The text range of a Scriban problem: from its line and column (1-based) to the end of the word there, or the whole
 *  line when the problem has no column. */
export function templateMarker(text: string, problem: { line: number | null; column: number | null }): { from: number; to: number } {
  const lines = text.split('\n');
  const index = Math.min(Math.max((problem.line ?? 1) - 1, 0), Math.max(lines.length - 1, 0));
  const start = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
  const line = lines[index] ?? '';
  if (problem.column == null) return { from: start, to: start + Math.max(line.length, 1) };
  const column = Math.min(Math.max(problem.column - 1, 0), line.length);
  const word = /^\S+/.exec(line.slice(column))?.[0].length ?? 1;
  return { from: start + column, to: Math.min(start + column + word, start + line.length) };
}
