import { timeAgo } from '../common/time';
import type { QuietAccountRow } from './types';

/** The quiet spans a manager picks from; 14 days is the server's default. */
export const quietChoices = [7, 14, 30] as const;
export type QuietDays = (typeof quietChoices)[number];

/** How many rows the card shows; the CSV has them all (up to the server's 1,000). */
export const quietShown = 8;

export interface QuietLine {
  id: string;
  name: string;
  owners: string;
  quietFor: string;
  /** red when quiet for twice the chosen span or more, orange otherwise */
  color: 'red' | 'orange';
  lastHeard: string;
  lastTouched: string;
  openTasks: number;
}

/** The report's rows as the card's lines: owners in one cell, "never" for no signal or no worked task. */
export function quietLines(rows: QuietAccountRow[], days: number, now: Date = new Date()): QuietLine[] {
  return rows.map((row) => ({
    id: row.accountId,
    name: row.name,
    owners: [row.aeOwner, row.sdrOwner].filter((o): o is string => o != null).join(' · ') || 'No owner',
    quietFor: `${row.quietDays} ${row.quietDays === 1 ? 'day' : 'days'}`,
    color: row.quietDays >= 2 * days ? 'red' : 'orange',
    lastHeard: row.lastSignalAt ? timeAgo(row.lastSignalAt, now) : 'never',
    lastTouched: row.lastTouchAt ? timeAgo(row.lastTouchAt, now) : 'never',
    openTasks: row.openTasks,
  }));
}
