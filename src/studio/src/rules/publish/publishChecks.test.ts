import { describe, expect, it } from 'vitest';
import type { RuleProblem } from '../ruleProblems';
import type { WhatIfReport } from '../whatIf/types';
import { publishChecks, whatIfSummary } from './publishChecks';

const problem = (file: string, message: string): RuleProblem => ({ file, workflow: null, rule: null, message });

describe('publishChecks', () => {
  it('says the golden cases did not run when a rule file has problems', () => {
    const checks = publishChecks([problem('tiers.json', 'unknown field'), problem('tests/default-model.json', 'case "x": tier')], false);
    expect(checks.rules).toMatchObject({ state: 'failed', problems: [{ message: 'unknown field' }] });
    expect(checks.goldenCases).toEqual({ state: 'not run', problems: [] });
  });
  it('says the golden cases passed when the only problems are the cost budget', () => {
    const checks = publishChecks([problem('tiers.json', 'rule Tier1Threshold costs 40 ms per account; the limit is 1 ms')], false);
    expect(checks.rules.state).toBe('failed');
    expect(checks.goldenCases).toEqual({ state: 'ok', problems: [] });
  });
  it('names failing golden cases when the rules compile', () => {
    const checks = publishChecks([problem('tests/default-model.json', 'case "x": tier')], false);
    expect(checks.rules.state).toBe('ok');
    expect(checks.goldenCases).toMatchObject({ state: 'failed', problems: [{ file: 'tests/default-model.json' }] });
  });
  it('passes both with no problems, and waits while the server checks', () => {
    expect(publishChecks([], false)).toEqual({ rules: { state: 'ok', problems: [] }, goldenCases: { state: 'ok', problems: [] } });
    expect(publishChecks([problem('tiers.json', 'x')], true).rules.state).toBe('checking');
  });
});

describe('whatIfSummary', () => {
  it('says how many move, the top tier against its cap, the playbooks and the tasks', () => {
    const report = {
      accounts: 2000, moversTotal: 57, topTier: 'Tier1', topTierCap: 50, tierCounts: { Tier1: 64 }, taskHorizonDays: 7,
      playbooks: [
        { name: 'Tier 1 — Priority', entering: 41, leaving: 0, tasksCreated: 205, openTasksCancelled: 0 },
        { name: 'Tier 2 — Target', entering: 0, leaving: 41, tasksCreated: 0, openTasksCancelled: 60 },
      ],
    } as unknown as WhatIfReport;
    expect(whatIfSummary(report)).toEqual([
      '57 of 2,000 accounts change tier; Tier1: 64 (cap 50, over the cap)',
      'Playbooks: +41 Tier 1 — Priority, −41 Tier 2 — Target',
      '≈ 205 new tasks in the first 7 days; 60 open tasks cancelled',
    ]);
  });
});
