import { describe, expect, it } from 'vitest';
import { heatLevel, heatmapRows, maxBreaches } from './heatmap';
import type { SlaBreachCell } from './types';

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
