/** RFC 7807 problem details as the server sends them, with the extensions the Studio reads. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  errors?: Record<string, string[]>;
  problems?: { nodeId?: string | null; where?: string | null; message: string; text?: string }[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problemMessage(problem, status));
    this.name = 'ApiError';
  }
}

export async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return parsed as Problem;
  } catch {
    // not JSON: fall through to the status text
  }
  return { title: text.trim() || response.statusText || `HTTP ${response.status}` };
}

/** One readable sentence: the title, the detail, and field errors when the server named fields. */
export function problemMessage(problem: Problem, status?: number): string {
  const parts = [problem.title, problem.detail].filter((p): p is string => !!p && p.trim() !== '');
  for (const [field, messages] of Object.entries(problem.errors ?? {})) parts.push(`${field}: ${messages.join('; ')}`);
  if (parts.length === 0) return status === 403 ? 'You are not allowed to do this' : `The server answered ${status ?? 'an error'}`;
  return parts.join(' — ');
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached; is it running?';
  return error instanceof Error ? error.message : String(error);
}

/** The problems listed by a refusal (422: a rule file, template or playbook that does not validate); any other
 *  error is rethrown. */
export function refusedProblems<T>(error: unknown): T[] {
  if (error instanceof ApiError && error.status === 422) return (error.problem.problems ?? []) as unknown as T[];
  throw error;
}
