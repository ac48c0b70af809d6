import { describe, expect, it } from 'vitest';
import { timeInTierBars } from './timeInTier';
import type { TimeInTierRow } from './types';

describe('time in tier', () => {
  const rows: TimeInTierRow[] = [
    { tier: 'Tier1', rank: 1, accounts: 4, medianDays: 12.5, p75Days: 25, exited: 1, exitedMedianDays: 15, exitedP75Days: 15 },
    { tier: 'Tier2', rank: 2, accounts: 1, medianDays: 5, p75Days: 5, exited: 0, exitedMedianDays: null, exitedP75Days: null },
    { tier: 'Tier3', rank: 3, accounts: 0, medianDays: null, p75Days: null, exited: 2, exitedMedianDays: 11, exitedP75Days: 13 },
  ];

  it('gives median and p75 bars for the accounts in each tier now, leaving out empty tiers', () => {
    expect(timeInTierBars(rows, 'now')).toEqual([
      { tier: 'Tier 1', median: 12.5, p75: 25, accounts: 4 },
      { tier: 'Tier 2', median: 5, p75: 5, accounts: 1 },
    ]);
  });

  it('gives the stays that ended in the range instead when asked', () => {
    expect(timeInTierBars(rows, 'exited').map((b) => [b.tier, b.median, b.p75, b.accounts])).toEqual([['Tier 1', 15, 15, 1], ['Tier 3', 11, 13, 2]]);
  });
});
