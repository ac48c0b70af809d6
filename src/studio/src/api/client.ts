import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, readProblem } from './problem';

/** The one way the Studio talks to the server: typed by the generated schema, cookie-authenticated. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin' });

// Every error answer becomes an ApiError carrying the server's problem details, so each page can show the
// server's own words where the request was made (never a bare "Request failed").
const problems: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    throw new ApiError(response.status, await readProblem(response));
  },
};
api.use(problems);

/** Unwraps an openapi-fetch result: data on success (errors were already thrown by the middleware). */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, response } = await request;
  if (data === undefined && response.status !== 202 && response.status !== 204) throw new ApiError(response.status, { title: 'The server sent no data' });
  return data as T;
}

/** Sends a file's text as it is (a rule file, a template), whatever it holds: the server reads it and names what is wrong. */
export const asText = { bodySerializer: (text: unknown) => text as string, headers: { 'Content-Type': 'text/plain' } };
