import { useCallback, useEffect, useRef, useState } from 'react';
import type { WhatIfProgress, WhatIfReport } from './types';
import { runWhatIf } from './whatIfStream';

export type WhatIfState =
  | { status: 'idle' }
  | { status: 'running'; text: string; progress: WhatIfProgress | null }
  | { status: 'done'; text: string; report: WhatIfReport }
  | { status: 'cancelled'; text: string; progress: WhatIfProgress | null }
  | { status: 'failed'; text: string; error: unknown };

/** A what-if for one rule file: run it for a draft's text (streamed, with progress), cancel it (the request is
 *  aborted, so the server stops), and keep the last report with the text it was for (the publish dialog shows it). */
export function useWhatIf(name: string) {
  const [state, setState] = useState<WhatIfState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  const cancel = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setState((s) => (s.status === 'running' ? { status: 'cancelled', text: s.text, progress: s.progress } : s));
  }, []);

  const run = useCallback((text: string) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'running', text, progress: null });
    runWhatIf(name, text, {
      signal: controller.signal,
      onProgress: (progress) => { if (!controller.signal.aborted) setState({ status: 'running', text, progress }); },
    }).then(
      (report) => { if (!controller.signal.aborted) setState({ status: 'done', text, report }); },
      (error: unknown) => { if (!controller.signal.aborted) setState({ status: 'failed', text, error }); },
    ).finally(() => { if (running.current === controller) running.current = null; });
  }, [name]);

  // Leaving the page (or the file) stops a run nobody will read.
  useEffect(() => () => running.current?.abort(), []);

  return { state, run, cancel, reset: useCallback(() => { cancel(); setState({ status: 'idle' }); }, [cancel]) };
}
