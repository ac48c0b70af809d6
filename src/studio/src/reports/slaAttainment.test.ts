import { describe, expect, it } from 'vitest';
import { overallAttainment, slaBars, slaColor } from './slaAttainment';
import type { SlaAttainmentRow } from './types';

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
