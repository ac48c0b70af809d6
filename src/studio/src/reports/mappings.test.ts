import { describe, expect, it } from 'vitest';
import { coverageBars, unowned } from './coverage';
import { days, percent, shortDay, tierColor, tierLabel } from './format';
import { heatLevel, heatmapRows, maxBreaches } from './heatmap';
import { kpis } from './kpis';
import { movementBars, movementSeries, movementTotals } from './movements';
import { defaultInterval, parseRange, rangeFor } from './range';
import { overallAttainment, slaBars, slaColor } from './slaAttainment';
import { tierSlices, totalAccounts } from './tierDistribution';
import { timeInTierBars } from './timeInTier';
import type { CoverageRow, MovementRow, SlaAttainmentRow, SlaBreachCell, TierDistributionRow, TimeInTierRow } from './types';

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

describe('movements', () => {
  const rows: MovementRow[] = [
    { start: '2026-11-02', promotions: 1, demotions: 2, triggers: 3, rulesetChanges: 0, newlyTiered: 10, total: 16 },
    { start: '2026-11-09', promotions: 0, demotions: 1, triggers: 0, rulesetChanges: 27, newlyTiered: 0, total: 28 },
  ];

  it('labels each bar with its day (a week by its Monday) and keeps every cause as a stacked series', () => {
    const bars = movementBars(rows);

    expect(bars.map((b) => b.label)).toEqual(['Nov 2', 'Nov 9']);
    expect(bars[1]).toMatchObject({ rulesetChanges: 27, total: 28 });
    expect(movementSeries.map((s) => s.name)).toEqual(['promotions', 'demotions', 'triggers', 'rulesetChanges', 'newlyTiered']);
    expect(new Set(movementSeries.map((s) => s.color)).size).toBe(5);
  });

  it('sums each cause over the range', () => {
    expect(movementTotals(rows)).toEqual({ promotions: 1, demotions: 3, triggers: 3, rulesetChanges: 27, newlyTiered: 10 });
  });
});

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

describe('SLA attainment', () => {
  const rows: SlaAttainmentRow[] = [
    { assignee: 'rep-ravi', assigneeName: 'Ravi AE', playbookId: null, playbook: null, tasks: 3, met: 1, breached: 2, open: 0, attainmentPercent: 33.3 },
    { assignee: 'rep-ada', assigneeName: 'Ada AE', playbookId: null, playbook: null, tasks: 3, met: 1, breached: 1, open: 1, attainmentPercent: 50 },
    { assignee: 'queue:unassigned', assigneeName: 'Queue unassigned', playbookId: null, playbook: null, tasks: 1, met: 0, breached: 0, open: 1, attainmentPercent: null },
    { assignee: 'rep-zoe', assigneeName: 'Zoe', playbookId: null, playbook: null, tasks: 10, met: 10, breached: 0, open: 0, attainmentPercent: 100 },
  ];

  it('makes one bar per rep, worst first, and leaves out rows where nothing was decided', () => {
    expect(slaBars(rows, 'rep').map((b) => [b.name, b.attainment])).toEqual([['Ravi AE', 33.3], ['Ada AE', 50], ['Zoe', 100]]);
  });

  it('names playbook bars after the playbook', () => {
    const byPlaybook: SlaAttainmentRow[] = [
      { assignee: null, assigneeName: null, playbookId: 'tier1-priority', playbook: 'Tier 1 — priority accounts', tasks: 6, met: 1, breached: 4, open: 1, attainmentPercent: 20 },
    ];
    expect(slaBars(byPlaybook, 'playbook')).toEqual([{ name: 'Tier 1 — priority accounts', attainment: 20, met: 1, breached: 4, open: 1, tasks: 6 }]);
  });

  it('weights the overall attainment by tasks, not by rows, and colours it against the target', () => {
    expect(overallAttainment(rows)).toBe(80); // 12 met of 15 decided
    expect(overallAttainment([])).toBeNull();
    expect([slaColor(95), slaColor(80), slaColor(40)]).toEqual(['teal.6', 'yellow.6', 'red.6']);
  });
});

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

describe('SLA breach heatmap', () => {
  const cell = (nodeId: string, weekday: SlaBreachCell['weekday'], due: number, breached: number): SlaBreachCell =>
    ({ playbookId: 'tier1-priority', playbook: 'Tier 1 — priority accounts', nodeId, weekday, due, breached, breachPercent: due ? (100 * breached) / due : null });
  const cells = [cell('research', 'Friday', 2, 1), cell('research', 'Monday', 1, 0), cell('email', 'Thursday', 4, 4), cell('email', 'Sunday', 0, 0)];

  it('makes one row per step, Monday to Sunday, the step with most breaches first', () => {
    const rows = heatmapRows(cells);

    expect(rows.map((r) => r.step)).toEqual(['email', 'research']);
    expect(rows[1]?.cells.map((c) => c.weekday)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(rows[1]?.cells[4]).toEqual({ weekday: 'Friday', due: 2, breached: 1, percent: 50 });
    expect(rows[1]?.cells[1]).toEqual({ weekday: 'Tuesday', due: 0, breached: 0, percent: null });
    expect(rows[0]?.total).toEqual({ due: 4, breached: 4 });
  });

  it('shades cells on a scale up to the worst cell, zero only for no breaches', () => {
    const max = maxBreaches(heatmapRows(cells));

    expect(max).toBe(4);
    expect([0, 1, 2, 4].map((b) => heatLevel(b, max))).toEqual([0, 1, 2, 4]);
    expect(heatLevel(0, 0)).toBe(0);
  });
});

describe('range and words', () => {
  it('reads the range from the URL, 30 days unless 7 or 90', () => {
    expect([parseRange('7'), parseRange('90'), parseRange('365'), parseRange(null)]).toEqual([7, 90, 30, 30]);
  });

  it('covers whole UTC days up to the end of today', () => {
    expect(rangeFor(7, new Date('2026-11-24T15:30:00Z'))).toEqual({ days: 7, from: '2026-11-18T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' });
    expect([defaultInterval(7), defaultInterval(30), defaultInterval(90)]).toEqual(['day', 'day', 'week']);
  });

  it('writes numbers the way the cards show them', () => {
    expect([percent(33.3), percent(100), percent(null), days(1), days(12.5), tierLabel('Tier12'), shortDay('2026-11-23')])
      .toEqual(['33.3%', '100%', '—', '1 day', '12.5 days', 'Tier 12', 'Nov 23']);
  });
});

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
