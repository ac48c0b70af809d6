import { describe, expect, it } from 'vitest';
import { kpis } from './kpis';
import type { TierDistributionRow } from './types';

const tiers: TierDistributionRow[] = [
  { tier: 'Tier1', rank: 1, accounts: 45, percent: 2.3, averageScore: 73.8, withoutOwner: 2, flaggedForReview: 0 },
  { tier: 'Tier2', rank: 2, accounts: 196, percent: 9.8, averageScore: 49.4, withoutOwner: 0, flaggedForReview: 1 },
  { tier: 'Tier3', rank: 3, accounts: 0, percent: 0, averageScore: null, withoutOwner: 0, flaggedForReview: 0 },
  { tier: 'Disqualified', rank: 4, accounts: 127, percent: 6.4, averageScore: 14.4, withoutOwner: 90, flaggedForReview: 0 },
  { tier: 'Legacy', rank: null, accounts: 3, percent: 0.1, averageScore: 20, withoutOwner: 3, flaggedForReview: 0 },
];

describe('key numbers', () => {
  it('come from the loaded reports: moves leave new accounts aside, attainment weights tasks', () => {
    const result = kpis(tiers,
      [{ start: '2026-11-02', promotions: 1, demotions: 2, triggers: 3, rulesetChanges: 4, newlyTiered: 10, total: 20 }],
      [{ assignee: 'a', assigneeName: 'A', playbookId: null, playbook: null, tasks: 4, met: 3, breached: 1, open: 0, attainmentPercent: 75 }],
      [{ repId: null, name: 'No owner', role: null, team: null, tier1Accounts: 2, tier1Capacity: null, loadPercent: null, accounts: 9, outOfOffice: false }]);

    expect(result).toEqual({ tiered: 371, topTier: { name: 'Tier1', accounts: 45 }, moves: 10, attainment: 75, unownedTopTier: 2 });
    expect(kpis()).toEqual({ tiered: 0, topTier: null, moves: null, attainment: null, unownedTopTier: null });
  });
});
