import { isCostProblem, type RuleProblem } from '../ruleProblems';
import type { WhatIfReport } from '../whatIf/types';

export type CheckState = 'ok' | 'failed' | 'not run' | 'checking';

export interface PublishChecks {
  rules: { state: CheckState; problems: RuleProblem[] };
  goldenCases: { state: CheckState; problems: RuleProblem[] };
}

/** The server's check of the draft split the way a publish decides: the rule files first (a file that does not
 *  compile runs no golden case), then the golden cases in rules/tests/. The cost budget is measured only after the
 *  golden cases pass, so its problems (on the rule files) leave the golden cases passed. */
export function publishChecks(problems: RuleProblem[], checking: boolean): PublishChecks {
  if (checking) return { rules: { state: 'checking', problems: [] }, goldenCases: { state: 'checking', problems: [] } };
  const golden = problems.filter((p) => p.file.startsWith('tests/'));
  const rules = problems.filter((p) => !p.file.startsWith('tests/'));
  if (rules.length > 0) {
    const golden: CheckState = rules.every(isCostProblem) ? 'ok' : 'not run';
    return { rules: { state: 'failed', problems: rules }, goldenCases: { state: golden, problems: [] } };
  }
  return { rules: { state: 'ok', problems: [] }, goldenCases: { state: golden.length ? 'failed' : 'ok', problems: golden } };
}

/** A what-if in three lines for the publish dialog. */
export function whatIfSummary(report: WhatIfReport): string[] {
  const entering = report.playbooks.filter((p) => p.entering > 0).map((p) => `+${p.entering} ${p.name}`);
  const leaving = report.playbooks.filter((p) => p.leaving > 0).map((p) => `−${p.leaving} ${p.name}`);
  const created = report.playbooks.reduce((n, p) => n + p.tasksCreated, 0);
  const cancelled = report.playbooks.reduce((n, p) => n + p.openTasksCancelled, 0);
  const top = report.tierCounts[report.topTier] ?? 0;
  return [
    `${report.moversTotal.toLocaleString()} of ${report.accounts.toLocaleString()} accounts change tier; ${report.topTier}: ${top.toLocaleString()}` +
      (report.topTierCap != null ? ` (cap ${report.topTierCap}${top > report.topTierCap ? ', over the cap' : ''})` : ''),
    entering.length || leaving.length ? `Playbooks: ${[...entering, ...leaving].join(', ')}` : 'No account enters or leaves a playbook',
    `≈ ${created.toLocaleString()} new tasks in the first ${report.taskHorizonDays} days; ${cancelled.toLocaleString()} open tasks cancelled`,
  ];
}
