import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { WhatIfProgress, WhatIfReport, WhatIfStreamLine } from './types';

/** Splits NDJSON as it arrives: the complete lines, and the unfinished tail to prepend to the next chunk. */
export function splitLines(pending: string, chunk: string): { lines: string[]; rest: string } {
  const text = pending + chunk;
  const end = text.lastIndexOf('\n');
  if (end < 0) return { lines: [], rest: text };
  return { lines: text.slice(0, end).split('\n').filter((l) => l.trim() !== ''), rest: text.slice(end + 1) };
}

/** What one streamed line means for the caller: progress to show, the report, or the server's failure. */
export function readLine(line: string): WhatIfStreamLine {
  const parsed = JSON.parse(line) as WhatIfStreamLine;
  if (parsed.type === 'failed') {
    throw new ApiError(500, { title: parsed.error?.title ?? 'The what-if stopped on an error', detail: parsed.error?.detail });
  }
  return parsed;
}

/** Runs a what-if for a draft of one rule file as a stream (progress lines, then the report). Aborting the signal
 *  closes the connection, which stops the run on the server. */
export async function runWhatIf(name: string, text: string, options: { signal: AbortSignal; onProgress: (p: WhatIfProgress) => void }):
  Promise<WhatIfReport> {
  const { response } = await api.POST('/api/rules/{name}/preview', {
    params: { path: { name } },
    body: text as never,
    bodySerializer: (body: unknown) => body as string,
    headers: { 'Content-Type': 'text/plain', Accept: 'application/x-ndjson' },
    parseAs: 'stream',
    signal: options.signal,
  });
  const reader = response.body?.getReader();
  if (!reader) throw new ApiError(response.status, { title: 'The server sent no what-if' });
  const decoder = new TextDecoder();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    const split = splitLines(rest, done ? '\n' : decoder.decode(value, { stream: true }));
    rest = split.rest;
    for (const line of split.lines) {
      const parsed = readLine(line);
      if (parsed.report) return parsed.report;
      if (parsed.progress) options.onProgress(parsed.progress);
    }
    if (done) throw new ApiError(response.status, { title: 'The what-if stopped before its report', detail: 'The connection closed; run it again.' });
  }
}
