import { describe, expect, it } from 'vitest';
import { type FormRule, readRuleForm } from './ruleForm';
import { binScores, compositeBands, countSides, countTiers, estimateTiers, type ScoreCount } from './scoreBands';

const scores: ScoreCount[] = [
  { composite: 0, tier: 'Disqualified', accounts: 4 },
  { composite: 12.5, tier: 'Tier3', accounts: 10 },
  { composite: 49.9, tier: 'Tier3', accounts: 3 },
  { composite: 50, tier: 'Tier2', accounts: 5 },
  { composite: 62, tier: 'Disqualified', accounts: 1 },
  { composite: 79.9, tier: 'Tier2', accounts: 2 },
  { composite: 80, tier: 'Tier1', accounts: 6 },
  { composite: 100, tier: 'Tier1', accounts: 1 },
];

function tierRules(text: string): FormRule[] {
  const read = readRuleForm(text);
  if (!read.ok) throw new Error(read.error);
  return read.workflows[0]!.rules;
}

const tiers = tierRules(`[{ "WorkflowName": "Tiering", "Rules": [
  { "RuleName": "PoorFit", "Expression": "score.Fit < 20", "Properties": { "tier": "Disqualified", "rank": 9 } },
  { "RuleName": "T1", "Expression": "score.Composite >= 80", "Properties": { "tier": "Tier1", "rank": 1 } },
  { "RuleName": "T2", "Expression": "score.Composite >= 50", "Properties": { "tier": "Tier2", "rank": 2 } },
  { "RuleName": "Everyone", "Expression": "true", "Properties": { "tier": "Tier3", "rank": 3 } } ] }]`);

const lowered = (value: number) => tiers.map((r) => (r.name === 'T1' ? { ...r, threshold: { ...r.threshold!, value } } : r));

describe('binScores', () => {
  it('counts each bin by tier, with 100 in the last bin', () => {
    const bins = binScores(scores, 10);

    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.total)).toEqual([4, 10, 0, 0, 3, 5, 1, 2, 6, 1]);
    expect(bins[6]).toEqual({ from: 60, to: 70, total: 1, byTier: { Disqualified: 1 } });
    expect(bins[9]).toEqual({ from: 90, to: 100, total: 1, byTier: { Tier1: 1 } });
    expect(bins.reduce((sum, b) => sum + b.total, 0)).toBe(32);
  });

  it('keeps a last bin narrower than the width inside 100', () => {
    const bins = binScores([{ composite: 99.5, tier: 'Tier1', accounts: 2 }], 3);
    expect(bins.at(-1)).toEqual({ from: 99, to: 100, total: 2, byTier: { Tier1: 2 } });
  });
});

describe('countSides', () => {
  it('counts exactly at the threshold, for ≥ and >', () => {
    expect(countSides(scores, { op: '>=', value: 80 })).toEqual({ passing: 7, failing: 25 });
    expect(countSides(scores, { op: '>', value: 80 })).toEqual({ passing: 1, failing: 31 });
    expect(countSides(scores, { op: '>=', value: 79.9 })).toEqual({ passing: 9, failing: 23 });
  });
});

describe('estimateTiers', () => {
  it('is today’s count when the thresholds are the live ones, whatever held an account in its tier', () => {
    const held = [...scores, { composite: 60, tier: 'Tier1', accounts: 2 }]; // promoted by a trigger, below the threshold
    expect(estimateTiers(tiers, tiers, held)).toEqual(countTiers(held));
  });

  it('moves the accounts a threshold now places differently, leaving tiers decided by another score alone', () => {
    const estimate = estimateTiers(lowered(60), tiers, scores);
    expect(Object.fromEntries(estimate)).toEqual({ Disqualified: 5, Tier3: 13, Tier2: 5, Tier1: 9 });
  });

  it('lets a disabled rule’s accounts go to the tier their composite reaches', () => {
    const withoutPoorFit = tiers.map((r) => (r.name === 'PoorFit' ? { ...r, enabled: false } : r));
    expect(Object.fromEntries(estimateTiers(withoutPoorFit, tiers, scores))).toEqual({ Tier3: 17, Tier2: 8, Tier1: 7 });
  });
});

describe('compositeBands', () => {
  it('splits the axis where the thresholds are, first match first', () => {
    expect(compositeBands(tiers)).toEqual([
      { tier: 'Tier3', from: 0, to: 49.9 }, { tier: 'Tier2', from: 50, to: 79.9 }, { tier: 'Tier1', from: 80, to: 100 },
    ]);
    // A Tier 2 threshold above Tier 1's leaves Tier 2 nothing.
    expect(compositeBands(lowered(40)).map((b) => b.tier)).toEqual(['Tier3', 'Tier1']);
  });
});
