import { describe, expect, it } from 'vitest';
import { movementBars, movementSeries, movementTotals } from './movements';
import type { MovementRow } from './types';

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
