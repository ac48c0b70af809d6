/**
 * Out of office in the team view: how an absence reads ("Away, back Thu 3 Dec") and how the dialog's two dates (first
 * day away, back on) become the instants the server stores. Dates are whole days on the manager's own clock.
 */
export interface Absence {
  outOfOfficeFrom: string | null;
  outOfOfficeUntil: string | null;
  outNow: boolean;
}

/** "Tue 8 Dec" on the local clock. */
export const dayWords = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

/** null when the rep is not away and no absence is planned. */
export function absenceWords(absence: Absence): { text: string; color: 'orange' | 'gray' } | null {
  const { outOfOfficeFrom: from, outOfOfficeUntil: until, outNow } = absence;
  if (!from && !until) return null;
  if (outNow) return { text: until ? `Away, back ${dayWords(until)}` : 'Away', color: 'orange' };
  return { text: from && until ? `Away ${dayWords(from)}, back ${dayWords(until)}` : from ? `Away from ${dayWords(from)}` : `Away, back ${dayWords(until!)}`, color: 'gray' };
}

/** "2026-12-03" for a date on the local clock (what an <input type="date"> holds). */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localMidnight(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The absence from the first day away (from now when that is today or earlier) until the start of the day the rep is
 * back, or what is wrong with the dates.
 */
export function absenceRange(firstDay: string, backOn: string, now: Date = new Date()):
  { from: string; until: string } | { error: string; field: 'firstDay' | 'backOn' } {
  const start = localMidnight(firstDay);
  const end = localMidnight(backOn);
  if (!start) return { error: 'Choose the first day away', field: 'firstDay' };
  if (!end) return { error: 'Choose the day they are back', field: 'backOn' };
  const from = start.getTime() <= now.getTime() ? now : start;
  if (end.getTime() <= from.getTime()) return { error: 'The day back must be after the first day away', field: 'backOn' };
  return { from: from.toISOString(), until: end.toISOString() };
}
