import { describe, expect, it } from 'vitest';
import { tierColor } from './format';
import { tierSlices, totalAccounts } from './tierDistribution';
import type { TierDistributionRow } from './types';

const tiers: TierDistributionRow[] = [
  { tier: 'Tier1', rank: 1, accounts: 45, percent: 2.3, averageScore: 73.8, withoutOwner: 2, flaggedForReview: 0 },
  { tier: 'Tier2', rank: 2, accounts: 196, percent: 9.8, averageScore: 49.4, withoutOwner: 0, flaggedForReview: 1 },
  { tier: 'Tier3', rank: 3, accounts: 0, percent: 0, averageScore: null, withoutOwner: 0, flaggedForReview: 0 },
  { tier: 'Disqualified', rank: 4, accounts: 127, percent: 6.4, averageScore: 14.4, withoutOwner: 90, flaggedForReview: 0 },
  { tier: 'Legacy', rank: null, accounts: 3, percent: 0.1, averageScore: 20, withoutOwner: 3, flaggedForReview: 0 },
];

describe('tier distribution', () => {
  it('keeps the rules order, names tiers for people and colours the best tier strongest and the worst red', () => {
    const slices = tierSlices(tiers);

    expect(slices.map((s) => s.name)).toEqual(['Tier 1', 'Tier 2', 'Tier 3', 'Disqualified', 'Legacy']);
    expect(slices.map((s) => s.value)).toEqual([45, 196, 0, 127, 3]);
    expect(slices[0]?.color).toBe('indigo.6');
    expect(tierColor(4, 4)).toBe('red.4');
    expect(slices[4]?.color).toBe('gray.4'); // a tier the live rules no longer name
    expect(totalAccounts(tiers)).toBe(371);
  });
});
