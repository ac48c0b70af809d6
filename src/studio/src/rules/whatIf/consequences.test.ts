import { describe, expect, it } from 'vitest';
import { chartRows, consequenceSummary, playbookRows, repTaskRows, taskBasis } from './consequences';
import type { WhatIfPlaybook, WhatIfRepTasks } from './types';

const playbook = (id: string, name: string, entering: number, leaving: number, perEntry: number | null, cancelled = 0): WhatIfPlaybook => ({
  playbookId: id, name, version: 1, entering, leaving, openTasksCancelled: cancelled, tasksPerEntry: perEntry,
  tasksCreated: (perEntry ?? 0) * entering, sampleAccountId: entering ? `${id}-acct` : null, sampleAccountName: entering ? `Acme ${id}` : null,
  estimateNote: perEntry == null && entering ? 'not estimated: the simulation refused the run' : null, steps: [],
});

const playbooks = [
  playbook('tier2', 'Tier 2 — Target', 0, 12, null, 20),
  playbook('tier1', 'Tier 1 — Priority', 12, 0, 5),
  playbook('quiet', 'Quiet', 0, 0, null),
  playbook('broken', 'Broken', 2, 0, null),
];

describe('consequenceSummary', () => {
  it('adds entries, exits, new and cancelled tasks, and names the playbooks without an estimate', () => {
    expect(consequenceSummary(playbooks)).toEqual({
      entering: 14, leaving: 12, created: 60, cancelled: 20,
      notEstimated: [{ name: 'Broken', why: 'not estimated: the simulation refused the run' }],
    });
  });
});

describe('playbookRows', () => {
  it('keeps playbooks with entries or exits, the most entries first', () => {
    expect(playbookRows(playbooks).map((p) => p.playbookId)).toEqual(['tier1', 'broken', 'tier2']);
  });
});

describe('repTaskRows and chartRows', () => {
  const report = {
    playbooks,
    tasksPerRep: [
      { key: 'queue:unassigned', repId: null, name: 'Queue unassigned', kind: 'queue', created: 0, cancelled: 20, createdPerPlaybook: {} },
      { key: 'rep-1', repId: 'rep-1', name: 'Ravi', kind: 'rep', created: 40, cancelled: 0, createdPerPlaybook: { tier1: 36, broken: 4 } },
      { key: 'assigned-on-entry', repId: null, name: 'New owner (assigned on entry)', kind: 'assignedOnEntry', created: 20, cancelled: 0,
        createdPerPlaybook: { tier1: 20 } },
    ] as WhatIfRepTasks[],
  };

  it('orders reps by new work and says which playbooks it comes from', () => {
    const rows = repTaskRows(report);
    expect(rows.map((r) => r.name)).toEqual(['Ravi', 'New owner (assigned on entry)', 'Queue unassigned']);
    expect(rows[0]!.from).toBe('Tier 1 — Priority 36, Broken 4');
  });

  it('sums the reps beyond the chart limit into one bar', () => {
    expect(chartRows(repTaskRows(report), 1)).toEqual([
      { name: 'Ravi', 'New tasks': 40, 'Cancelled tasks': 0 },
      { name: '2 others', 'New tasks': 20, 'Cancelled tasks': 20 },
    ]);
  });
});

describe('taskBasis', () => {
  it('names the horizon and the account each playbook was simulated for', () => {
    const text = taskBasis({ playbooks, taskHorizonDays: 7 });
    expect(text).toContain('first 7 days');
    expect(text).toContain('Tier 1 — Priority for Acme tier1');
    expect(text).not.toContain('Tier 2 — Target for');
  });
});
