import type { WhatIfPlaybook, WhatIfRepTasks, WhatIfReport } from './types';

export interface ConsequenceSummary {
  entering: number;
  leaving: number;
  /** Tasks the entries would create in the first days (estimated). */
  created: number;
  /** Open tasks the exits would cancel (exact). */
  cancelled: number;
  /** Playbooks whose tasks could not be estimated, with why. */
  notEstimated: { name: string; why: string }[];
}

export function consequenceSummary(playbooks: WhatIfPlaybook[]): ConsequenceSummary {
  return {
    entering: sum(playbooks, (p) => p.entering),
    leaving: sum(playbooks, (p) => p.leaving),
    created: sum(playbooks, (p) => p.tasksCreated),
    cancelled: sum(playbooks, (p) => p.openTasksCancelled),
    notEstimated: playbooks.filter((p) => p.entering > 0 && p.tasksPerEntry == null).map((p) => ({ name: p.name, why: p.estimateNote ?? 'not estimated' })),
  };
}

/** Playbooks with something happening, the most entries first. */
export function playbookRows(playbooks: WhatIfPlaybook[]): WhatIfPlaybook[] {
  return playbooks.filter((p) => p.entering > 0 || p.leaving > 0)
    .sort((a, b) => b.entering - a.entering || b.leaving - a.leaving || a.name.localeCompare(b.name));
}

export interface RepTasksRow {
  key: string;
  name: string;
  kind: string;
  created: number;
  cancelled: number;
  /** "Tier 1 — Priority 12, Tier 2 — Target 3": where the created tasks come from. */
  from: string;
}

/** One row per rep or queue, the most new work first; beyond `limit` rows the rest are summed into one, so a chart
 *  of a large team stays readable (the table lists everyone). */
export function repTaskRows(report: Pick<WhatIfReport, 'tasksPerRep' | 'playbooks'>): RepTasksRow[] {
  const names = new Map(report.playbooks.map((p) => [p.playbookId, p.name]));
  return [...report.tasksPerRep]
    .sort((a, b) => b.created - a.created || b.cancelled - a.cancelled || a.name.localeCompare(b.name))
    .map((r: WhatIfRepTasks) => ({
      key: r.key, name: r.name, kind: r.kind, created: r.created, cancelled: r.cancelled,
      from: Object.entries(r.createdPerPlaybook).filter(([, n]) => n > 0).sort(([, a], [, b]) => b - a)
        .map(([id, n]) => `${names.get(id) ?? id} ${n}`).join(', '),
    }));
}

export interface ChartRow {
  name: string;
  'New tasks': number;
  'Cancelled tasks': number;
}

export function chartRows(rows: RepTasksRow[], limit = 12): ChartRow[] {
  const shown = rows.slice(0, limit).map((r) => ({ name: r.name, 'New tasks': r.created, 'Cancelled tasks': r.cancelled }));
  const rest = rows.slice(limit);
  if (rest.length > 0) {
    shown.push({ name: `${rest.length} others`, 'New tasks': sum(rest, (r) => r.created), 'Cancelled tasks': sum(rest, (r) => r.cancelled) });
  }
  return shown;
}

/** What the task numbers rest on, in words, for the panel to say beside them. */
export function taskBasis(report: Pick<WhatIfReport, 'playbooks' | 'taskHorizonDays'>): string {
  const samples = report.playbooks.filter((p) => p.entering > 0 && p.sampleAccountName)
    .map((p) => `${p.name} for ${p.sampleAccountName}`);
  return `New tasks are an estimate: each playbook that accounts would enter was run once by the simulator (the real engine, ` +
    `writing nothing) over its first ${report.taskHorizonDays} days${samples.length ? ` (${samples.join('; ')})` : ''}, every task ` +
    `done by its due time and no signal arriving; its tasks, times the accounts entering, go to each account's rep for the ` +
    `step's role, or to "new owner" where the playbook assigns one on entry. Cancelled tasks are the open tasks of the ` +
    `playbooks the accounts would leave, counted exactly.`;
}

function sum<T>(items: T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}
