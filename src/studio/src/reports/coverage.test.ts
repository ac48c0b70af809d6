import { describe, expect, it } from 'vitest';
import { coverageBars, unowned } from './coverage';
import type { CoverageRow } from './types';

describe('coverage', () => {
  const rows: CoverageRow[] = [
    { repId: 'rep-ravi', name: 'Ravi AE', role: 'AE', team: 'East', tier1Accounts: 0, tier1Capacity: 30, loadPercent: 0, accounts: 1, outOfOffice: false },
    { repId: 'rep-ada', name: 'Ada AE', role: 'AE', team: 'West', tier1Accounts: 3, tier1Capacity: 2, loadPercent: 150, accounts: 3, outOfOffice: true },
    { repId: null, name: 'No owner', role: null, team: null, tier1Accounts: 1, tier1Capacity: null, loadPercent: null, accounts: 4, outOfOffice: false },
  ];

  it('draws reps as bars against their capacity and flags the ones over it', () => {
    expect(coverageBars(rows)).toEqual([
      { name: 'Ravi AE', tier1: 0, capacity: 30, over: false, away: false },
      { name: 'Ada AE', tier1: 3, capacity: 2, over: true, away: true },
    ]);
  });

  it('takes the unowned accounts from the row without a rep', () => {
    expect(unowned(rows)).toEqual({ accounts: 4, tier1: 1 });
    expect(unowned([])).toEqual({ accounts: 0, tier1: 0 });
  });
});
