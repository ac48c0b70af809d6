import type { WhatIfMover, WhatIfReport } from './types';

/** The row for accounts that had no tier yet (never evaluated). */
export const NoTier = '(none)';

/** up: a better tier (promotion); down: a worse one; new: a first tier (none before, or one the draft dropped). */
export type CellKind = 'stay' | 'up' | 'down' | 'new';

export interface MatrixCell {
  from: string;
  to: string;
  count: number;
  kind: CellKind;
}

export interface MovementMatrix {
  /** Tiers accounts come from: "(none)" first when some had no tier, then the draft's tiers by rank, then tiers the
   *  draft no longer has. */
  rows: string[];
  /** The draft's tiers by rank (the best first). */
  columns: string[];
  cells: MatrixCell[][];
  /** Accounts per tier today (row totals) and with the draft (column totals). */
  before: Record<string, number>;
  after: Record<string, number>;
}

/** The what-if's movement as a from × to table: every cell's count, and whether it is a promotion, a demotion, a
 *  first tier or no move (tiers ranked as the draft ranks them). */
export function movementMatrix(report: Pick<WhatIfReport, 'tiers' | 'movement'>): MovementMatrix {
  const columns = [...report.tiers];
  const stored = Object.keys(report.movement);
  const rows = [
    ...(stored.includes(NoTier) ? [NoTier] : []),
    ...columns,
    ...stored.filter((t) => t !== NoTier && !columns.includes(t)).sort(),
  ];
  const rank = (tier: string) => columns.indexOf(tier);
  const before: Record<string, number> = {};
  const after: Record<string, number> = Object.fromEntries(columns.map((c) => [c, 0]));
  const cells = rows.map((from) => columns.map((to): MatrixCell => {
    const count = report.movement[from]?.[to] ?? 0;
    before[from] = (before[from] ?? 0) + count;
    after[to] = (after[to] ?? 0) + count;
    // From no tier, or from a tier the draft no longer has, an account gets a (first) draft tier: neither up nor down.
    const kind: CellKind = from === to ? 'stay' : !columns.includes(from) ? 'new' : rank(to) < rank(from) ? 'up' : 'down';
    return { from, to, count, kind };
  }));
  return { rows, columns, cells, before, after };
}

/** The listed movers of one cell (from "(none)" = accounts without a tier), or all of them. */
export function moversIn(movers: WhatIfMover[], cell: { from: string; to: string } | null): WhatIfMover[] {
  if (!cell) return movers;
  return movers.filter((m) => (m.from ?? NoTier) === cell.from && m.to === cell.to);
}

/** How many movers the report lists for a selection against how many there are: the list is capped per cell, the
 *  counts are exact. */
export function listedOf(report: Pick<WhatIfReport, 'movement' | 'moversTotal'>, cell: { from: string; to: string } | null, listed: number) {
  const total = cell ? (report.movement[cell.from]?.[cell.to] ?? 0) : report.moversTotal;
  return { listed, total, capped: listed < total };
}
