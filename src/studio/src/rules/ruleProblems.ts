import type { components } from '../api/schema';

export type RuleProblem = components['schemas']['RuleProblem'];

export interface Marker {
  from: number;
  to: number;
  message: string;
}

/** A problem's message and suggestion as one sentence pair ("… the limit is 1 ms. Measured on …"). */
export function problemText(problem: Pick<RuleProblem, 'message' | 'suggestion'>): string {
  if (!problem.suggestion) return problem.message;
  return `${problem.message}${/[.!?:)]$/.test(problem.message) ? '' : '.'} ${problem.suggestion}`;
}

/** A problem the cost budget raised (docs/rules.md §11): the rules compiled and passed their golden cases first. */
export function isCostProblem(problem: Pick<RuleProblem, 'message'>): boolean {
  return /^rule \S+ (costs|allocates) /.test(problem.message) || problem.message.startsWith('the rules could not be run once on every account');
}

/** Where a server problem sits in the file's text: its line (1-based), narrowed to the expression's character when
 *  the problem names one and the line holds that rule's "Expression"; problems without a line mark the first line. */
export function markerFor(text: string, problem: RuleProblem): Marker {
  const message = problemText(problem);
  const lines = text.split('\n');
  const index = Math.min(Math.max((problem.line ?? 1) - 1, 0), Math.max(lines.length - 1, 0));
  const start = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
  const line = lines[index] ?? '';
  const expression = /"Expression"\s*:\s*"/.exec(line);
  if (expression && problem.position != null) {
    const from = start + rawOffset(line, expression.index + expression[0].length, problem.position);
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(from - start))?.[0] ?? ' ';
    return { from, to: Math.min(from + word.length, start + line.length), message };
  }
  const indent = line.length - line.trimStart().length;
  return { from: start + indent, to: start + Math.max(line.length, indent + 1), message };
}

/** The raw text offset of the n-th character of a JSON string that starts at `begin` (an escape such as \" is one
 *  character of the expression but two of the file). */
function rawOffset(line: string, begin: number, n: number): number {
  let raw = begin;
  for (let decoded = 0; decoded < n && raw < line.length; decoded++) raw += line[raw] === '\\' ? 2 : 1;
  return raw;
}
