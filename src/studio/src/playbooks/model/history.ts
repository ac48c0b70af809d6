/** Undo/redo over whole snapshots: every edit is one step; successive edits with the same `coalesce` key (typing
 *  in one field, nudging one node) merge into one step so Ctrl+Z undoes the edit, not each keystroke. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  lastKey: string | null;
}

const limit = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

export function record<T>(history: History<T>, next: T, coalesce?: string): History<T> {
  if (Object.is(next, history.present)) return history;
  if (coalesce && coalesce === history.lastKey) return { ...history, present: next, future: [] };
  return { past: [...history.past, history.present].slice(-limit), present: next, future: [], lastKey: coalesce ?? null };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastKey: null };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastKey: null };
}
