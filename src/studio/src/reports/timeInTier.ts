import { tierLabel } from './format';
import type { TimeInTierRow } from './types';

export type TimeInTierView = 'now' | 'exited';

export interface TimeInTierBar {
  tier: string;
  median: number;
  p75: number;
  accounts: number;
}

/** Median and 75th percentile per tier: for the accounts in it now, or for the stays that ended in the range.
 *  Tiers with nobody to count are left out. */
export function timeInTierBars(rows: TimeInTierRow[], view: TimeInTierView): TimeInTierBar[] {
  return rows.flatMap((row) => {
    const [median, p75, accounts] = view === 'now'
      ? [row.medianDays, row.p75Days, row.accounts]
      : [row.exitedMedianDays, row.exitedP75Days, row.exited];
    return median == null || p75 == null || accounts === 0 ? [] : [{ tier: tierLabel(row.tier), median, p75, accounts }];
  });
}
