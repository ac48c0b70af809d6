/** How an SLA (or, without one, the due time) reads in the inbox: "due in 3 h", "2 h overdue", and its colour. */
export type SlaColor = 'green' | 'yellow' | 'red' | 'gray';

export interface SlaWords {
  text: string;
  color: SlaColor;
  /** The sentence screen readers hear, e.g. "SLA due in 3 h". */
  label: string;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "45 min", "3 h", "2 d": the largest unit that keeps the number readable (wall-clock time, not business time). */
export function spanWords(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < hour) return `${Math.max(1, Math.round(abs / minute))} min`;
  if (abs < 2 * day) return `${Math.round(abs / hour)} h`;
  return `${Math.round(abs / day)} d`;
}

/**
 * The SLA as time left. Green while more than half of the window (created → SLA due) is left, yellow after that,
 * red once breached. A task without an SLA shows its due time in gray (red when overdue).
 */
export function slaWords(
  task: { createdAt: string; dueAt: string; slaDueAt: string | null; slaBreached?: boolean },
  now: Date = new Date(),
): SlaWords {
  const hasSla = task.slaDueAt != null;
  const deadline = new Date(task.slaDueAt ?? task.dueAt).getTime();
  const start = new Date(task.createdAt).getTime();
  const left = deadline - now.getTime();
  const what = hasSla ? 'SLA' : 'Task';
  if (left <= 0 || (hasSla && task.slaBreached)) {
    const text = left < minute && left > -minute ? 'due now' : `${spanWords(left)} overdue`;
    return { text: left <= 0 ? text : 'SLA breached', color: 'red', label: `${what} ${left <= 0 ? text : 'breached'}` };
  }
  const text = left < minute ? 'due now' : `due in ${spanWords(left)}`;
  if (!hasSla) return { text, color: 'gray', label: `${what} ${text}` };
  const window = deadline - start;
  const share = window > 0 ? left / window : 0;
  return { text, color: share > 0.5 ? 'green' : 'yellow', label: `${what} ${text}` };
}
