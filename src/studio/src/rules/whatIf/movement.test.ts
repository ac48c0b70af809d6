import { describe, expect, it } from 'vitest';
import { listedOf, movementMatrix, moversIn } from './movement';
import type { WhatIfMover } from './types';

const report = {
  tiers: ['Tier1', 'Tier2', 'Tier3', 'Disqualified'],
  movement: {
    Tier2: { Tier1: 4, Tier2: 10 },
    Tier3: { Tier2: 2, Tier3: 30, Disqualified: 1 },
    '(none)': { Tier3: 3 },
    Legacy: { Tier3: 5 },
  },
  moversTotal: 15,
};

const mover = (id: string, from: string | null, to: string): WhatIfMover =>
  ({ accountId: id, name: id, from, to, composite: 50, reasons: [], rules: [], enters: [], leaves: [] });

describe('movementMatrix', () => {
  it('orders rows and columns by the draft rank, with accounts without a tier first and retired tiers last', () => {
    const m = movementMatrix(report);
    expect(m.columns).toEqual(['Tier1', 'Tier2', 'Tier3', 'Disqualified']);
    expect(m.rows).toEqual(['(none)', 'Tier1', 'Tier2', 'Tier3', 'Disqualified', 'Legacy']);
  });

  it('gives each cell its count and says promotion, demotion, first tier or no move', () => {
    const m = movementMatrix(report);
    const cell = (from: string, to: string) => m.cells[m.rows.indexOf(from)]![m.columns.indexOf(to)]!;
    expect(cell('Tier2', 'Tier1')).toEqual({ from: 'Tier2', to: 'Tier1', count: 4, kind: 'up' });
    expect(cell('Tier3', 'Disqualified')).toMatchObject({ count: 1, kind: 'down' });
    expect(cell('Tier2', 'Tier2')).toMatchObject({ count: 10, kind: 'stay' });
    expect(cell('(none)', 'Tier3')).toMatchObject({ count: 3, kind: 'new' });
    expect(cell('Legacy', 'Tier3')).toMatchObject({ count: 5, kind: 'new' });
    expect(cell('Tier1', 'Tier3')).toMatchObject({ count: 0 });
  });

  it('totals each tier before (rows) and after (columns)', () => {
    const m = movementMatrix(report);
    expect(m.before).toMatchObject({ Tier2: 14, Tier3: 33, '(none)': 3, Tier1: 0 });
    expect(m.after).toEqual({ Tier1: 4, Tier2: 12, Tier3: 38, Disqualified: 1 });
  });
});

describe('moversIn', () => {
  const movers = [mover('a', 'Tier2', 'Tier1'), mover('b', null, 'Tier3'), mover('c', 'Tier3', 'Tier2')];
  it('filters the listed movers by the clicked cell, "(none)" meaning no tier before', () => {
    expect(moversIn(movers, { from: 'Tier2', to: 'Tier1' }).map((m) => m.accountId)).toEqual(['a']);
    expect(moversIn(movers, { from: '(none)', to: 'Tier3' }).map((m) => m.accountId)).toEqual(['b']);
    expect(moversIn(movers, null)).toHaveLength(3);
  });
});

describe('listedOf', () => {
  it('compares the listed movers with the exact count of the cell or of all movers', () => {
    expect(listedOf(report, { from: 'Tier2', to: 'Tier1' }, 4)).toEqual({ listed: 4, total: 4, capped: false });
    expect(listedOf(report, null, 10)).toEqual({ listed: 10, total: 15, capped: true });
  });
});
