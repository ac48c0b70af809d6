import type { SlaBreachCell, Weekday } from './types';

export const weekdays: Weekday[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface HeatmapRow {
  key: string;
  playbook: string;
  step: string;
  total: { due: number; breached: number };
  cells: { weekday: Weekday; due: number; breached: number; percent: number | null }[];
}

/** One row per playbook step, Monday to Sunday, the steps with most breaches first. */
export function heatmapRows(cells: SlaBreachCell[]): HeatmapRow[] {
  const rows = new Map<string, HeatmapRow>();
  for (const cell of cells) {
    const key = `${cell.playbookId ?? ''}/${cell.nodeId}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        key, playbook: cell.playbook, step: cell.nodeId, total: { due: 0, breached: 0 },
        cells: weekdays.map((weekday) => ({ weekday, due: 0, breached: 0, percent: null })),
      };
      rows.set(key, row);
    }
    const day = row.cells[weekdays.indexOf(cell.weekday)];
    if (!day) continue;
    day.due += cell.due;
    day.breached += cell.breached;
    day.percent = day.due === 0 ? null : Math.round((1000 * day.breached) / day.due) / 10;
    row.total.due += cell.due;
    row.total.breached += cell.breached;
  }
  return [...rows.values()].sort((a, b) => b.total.breached - a.total.breached || a.playbook.localeCompare(b.playbook) || a.step.localeCompare(b.step));
}

/** The most breaches in one cell: the top of the colour scale. */
export function maxBreaches(rows: HeatmapRow[]): number {
  return Math.max(0, ...rows.flatMap((row) => row.cells.map((c) => c.breached)));
}

/** Five steps from "none" to "most": a cell's shade, 0 only for no breaches at all. */
export const heatShades = ['var(--mantine-color-gray-0)', 'var(--mantine-color-red-1)', 'var(--mantine-color-red-3)',
  'var(--mantine-color-red-5)', 'var(--mantine-color-red-7)'];

export function heatLevel(breached: number, max: number): number {
  if (breached <= 0 || max <= 0) return 0;
  return Math.min(heatShades.length - 1, Math.ceil((breached / max) * (heatShades.length - 1)));
}
