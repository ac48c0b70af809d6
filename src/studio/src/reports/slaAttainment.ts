import type { SlaAttainmentRow } from './types';

/** The team's target: the bar turns amber below it and red well below. */
export const slaTarget = 90;

export interface SlaBar {
  name: string;
  attainment: number;
  met: number;
  breached: number;
  open: number;
  tasks: number;
}

/** One bar per rep (or queue) or per playbook, worst first; rows where nothing was decided yet have no bar. */
export function slaBars(rows: SlaAttainmentRow[], by: 'rep' | 'playbook'): SlaBar[] {
  return rows
    .filter((row) => row.attainmentPercent != null)
    .map((row) => ({
      name: (by === 'rep' ? row.assigneeName ?? row.assignee : row.playbook ?? row.playbookId) ?? '(none)',
      attainment: row.attainmentPercent!, met: row.met, breached: row.breached, open: row.open, tasks: row.tasks,
    }))
    .sort((a, b) => a.attainment - b.attainment || a.name.localeCompare(b.name));
}

/** Met of everything decided (met + breached), over all rows; null when nothing was decided. */
export function overallAttainment(rows: SlaAttainmentRow[]): number | null {
  const met = rows.reduce((sum, row) => sum + row.met, 0);
  const decided = met + rows.reduce((sum, row) => sum + row.breached, 0);
  return decided === 0 ? null : Math.round((1000 * met) / decided) / 10;
}

export function slaColor(attainment: number): string {
  return attainment >= slaTarget ? 'teal.6' : attainment >= slaTarget - 15 ? 'yellow.6' : 'red.6';
}
