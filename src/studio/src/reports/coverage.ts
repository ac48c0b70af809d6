import type { CoverageRow } from './types';

export interface CoverageBar {
  name: string;
  tier1: number;
  capacity: number;
  over: boolean;
  away: boolean;
}

/** Reps with a Tier 1 capacity, as bars (their Tier 1 accounts) against a line (their capacity); the row without a rep
 *  (accounts nobody owns) is not a bar but the card's headline. */
export function coverageBars(rows: CoverageRow[]): CoverageBar[] {
  return rows
    .filter((row) => row.repId != null)
    .map((row) => ({
      name: row.name, tier1: row.tier1Accounts, capacity: row.tier1Capacity ?? 0,
      over: row.tier1Capacity != null && row.tier1Accounts > row.tier1Capacity, away: row.outOfOffice,
    }));
}

export function unowned(rows: CoverageRow[]): { accounts: number; tier1: number } {
  const row = rows.find((r) => r.repId == null);
  return { accounts: row?.accounts ?? 0, tier1: row?.tier1Accounts ?? 0 };
}
