import { tierColor, tierLabel } from './format';
import type { TierDistributionRow } from './types';

export interface TierSlice {
  name: string;
  value: number;
  color: string;
  percent: number;
}

/** Donut slices in the live rules' order; tiers without accounts are left out of the donut but kept in the legend rows. */
export function tierSlices(rows: TierDistributionRow[]): TierSlice[] {
  return rows.map((row) => ({ name: tierLabel(row.tier), value: row.accounts, color: tierColor(row.rank, rows.length), percent: row.percent }));
}

export function totalAccounts(rows: TierDistributionRow[]): number {
  return rows.reduce((sum, row) => sum + row.accounts, 0);
}
