/** The dashboard's time ranges: the last 7, 30 or 90 calendar days (UTC, today included). */
export const rangeChoices = [7, 30, 90] as const;
export type RangeDays = (typeof rangeChoices)[number];
export const defaultRange: RangeDays = 30;

export interface ReportRange {
  days: RangeDays;
  /** Midnight UTC at the start of the first day. */
  from: string;
  /** Midnight UTC after today: stable all day, so the query cache keeps its answers. */
  to: string;
}

/** Reads `?range=` (7, 30 or 90); anything else means the default. */
export function parseRange(value: string | null): RangeDays {
  const days = Number(value);
  return (rangeChoices as readonly number[]).includes(days) ? (days as RangeDays) : defaultRange;
}

export function rangeFor(days: RangeDays, now: Date = new Date()): ReportRange {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const day = 24 * 3600 * 1000;
  return { days, from: new Date(tomorrow - days * day).toISOString(), to: new Date(tomorrow).toISOString() };
}

/** Ranges up to a month go by day; longer ones by ISO week. */
export function defaultInterval(days: RangeDays): 'day' | 'week' {
  return days > 31 ? 'week' : 'day';
}
