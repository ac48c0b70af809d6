import ELK from 'elkjs/lib/elk-api';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

/** One ELK instance, running in a web worker so a large layout never blocks the canvas. */
export const elk = new ELK({ workerUrl });
