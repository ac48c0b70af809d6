import { describe, expect, it } from 'vitest';
import { casesByFile, comparisonRows, type GoldenCaseResult, runSummary, suggestedFileName } from './goldenRows';

function result(extra: Partial<GoldenCaseResult> = {}): GoldenCaseResult {
  return {
    file: 'tests/default-model.json', index: 0, name: 'Good fit stays in Tier 3', passed: false,
    tier: { expected: 'Tier3', actual: 'Tier3', scoreTier: 'Tier3', passed: true },
    components: [
      { component: 'Fit', expected: 85, actual: 85, passed: true },
      { component: 'Technographic', expected: 50, actual: 40, passed: false },
      { component: 'Engagement', expected: null, actual: 0, passed: true },
    ],
    composite: { expected: 35.5, atLeast: null, below: 50, actual: 33.456, passed: false },
    triggers: { expected: ['NoEngagementFor90Days'], actual: ['CompetitorReviewed'], missing: ['NoEngagementFor90Days'], unexpected: ['CompetitorReviewed'], passed: false },
    failures: [], passedRules: [], pinned: null, ...extra,
  };
}

describe('comparisonRows', () => {
  it('puts expected next to actual for the tier, the composite, every component and the triggers', () => {
    expect(comparisonRows(result())).toEqual([
      { part: 'Tier', expected: 'Tier3', actual: 'Tier3', status: 'pass', note: undefined },
      { part: 'Composite', expected: '= 35.5 and < 50', actual: '33.46', status: 'fail' },
      { part: 'Fit', expected: '85', actual: '85', status: 'pass' },
      { part: 'Technographic', expected: '50', actual: '40', status: 'fail' },
      { part: 'Engagement', expected: 'not checked', actual: '0', status: 'unchecked' },
      { part: 'Triggers', expected: 'NoEngagementFor90Days', actual: 'CompetitorReviewed', status: 'fail',
        note: 'did not fire: NoEngagementFor90Days; fired unexpectedly: CompetitorReviewed' },
    ]);
  });

  it('says when a trigger moved the tier and when a part is not checked', () => {
    const rows = comparisonRows(result({
      tier: { expected: null, actual: 'Tier2', scoreTier: 'Tier3', passed: true },
      composite: { expected: null, atLeast: null, below: null, actual: 40, passed: true },
      triggers: { expected: null, actual: [], missing: [], unexpected: [], passed: true },
    }));
    expect(rows[0]).toEqual({ part: 'Tier', expected: 'not checked', actual: 'Tier2', status: 'unchecked', note: 'Tier3 by score, then a trigger' });
    expect(rows[1]!.expected).toBe('not checked');
    expect(rows.at(-1)).toMatchObject({ expected: 'not checked', actual: 'none', status: 'unchecked' });
  });
});

describe('casesByFile', () => {
  it('groups by file in order and lists failing cases first', () => {
    const groups = casesByFile([
      result({ name: 'a', index: 0, passed: true }), result({ name: 'b', index: 1, passed: false }),
      result({ file: 'tests/acme.json', name: 'c', index: 0, passed: true }),
    ]);
    expect(groups.map((g) => [g.file, g.cases.map((c) => c.name)])).toEqual([['tests/default-model.json', ['b', 'a']], ['tests/acme.json', ['c']]]);
  });
});

describe('runSummary', () => {
  const report = { rulesVersion: 'v', draft: false, cases: [], fileProblems: [] };
  it('counts passes, failures and unreadable files', () => {
    expect(runSummary({ ...report, total: 6, passed: 6, failed: 0 })).toEqual({ text: '6 of 6 pass', ok: true });
    expect(runSummary({ ...report, total: 6, passed: 5, failed: 1 })).toEqual({ text: '1 of 6 fails', ok: false });
    expect(runSummary({ ...report, total: 6, passed: 6, failed: 0, fileProblems: [{ file: 'tests/x.json', workflow: null, rule: null, message: 'bad' }] }))
      .toEqual({ text: '0 of 6 fail · 1 unreadable file', ok: false });
  });
});

describe('suggestedFileName', () => {
  it('makes a file name of an account name', () => {
    expect(suggestedFileName('Acme Corp. (Zürich)')).toBe('acme-corp-zurich');
    expect(suggestedFileName('!!!')).toBe('pinned-account');
  });
});
