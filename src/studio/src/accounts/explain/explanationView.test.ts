import { describe, expect, it } from 'vitest';
import { componentGroups, compositeMarks, decisionText, nearestThresholds, pointsLabel, signalLabel, splitMoves, tierColor } from './explanationView';
import { testExplanation } from './testExplanation';

describe('componentGroups', () => {
  it('keeps the components in order and lists passing rules before failing ones, largest points first', () => {
    const groups = componentGroups(testExplanation());
    expect(groups.map((g) => [g.name, g.sharePercent, g.contribution])).toEqual([['Fit', 30, 25.5], ['Engagement', 25, 15]]);
    expect(groups[0]!.passed.map((r) => r.rule)).toEqual(['TargetIndustry', 'MidMarketSize']);
    expect(groups[0]!.failed.map((r) => r.rule)).toEqual(['TooSmall']);
  });
});

describe('labels', () => {
  it('writes points with a sign and signals with their age and telling property', () => {
    expect([pointsLabel(30), pointsLabel(-40), pointsLabel(0), pointsLabel(null)]).toEqual(['+30', '−40', '0', '']);
    const [reply, pricing] = testExplanation().signals;
    expect(signalLabel(reply!)).toBe('email_reply · 3 days ago · a@goodfit1.com');
    expect(signalLabel(pricing!)).toBe('page_visit · yesterday · /pricing');
  });

  it('says why the account has its tier', () => {
    expect(decisionText(testExplanation())).toBe('by score: Tier2Threshold');
    expect(decisionText(testExplanation({ tier: 'Tier1', decisionKind: 'trigger', causeRules: ['PricingPageThreeTimes'] })))
      .toBe('promoted by the trigger PricingPageThreeTimes');
    expect(decisionText(testExplanation({ tier: 'Tier1', decisionKind: 'hold' }))).toBe('held there by an earlier promotion (by score: Tier2)');
  });

  it('colours tiers from best to worst', () => {
    expect(['Tier1', 'Tier2', 'Tier3', 'Disqualified'].map(tierColor)).toEqual(['teal', 'blue', 'gray', 'red']);
  });
});

describe('what would change', () => {
  it('marks the composite thresholds lowest first and sorts thresholds by distance', () => {
    expect(compositeMarks(testExplanation())).toEqual([{ tier: 'Tier2', at: 50, met: true }, { tier: 'Tier1', at: 80, met: false }]);
    expect(nearestThresholds(testExplanation()).map((t) => t.tier)).toEqual(['Tier2', 'Tier1', 'Disqualified']);
  });

  it('splits the moves into up and down', () => {
    const { up, down } = splitMoves(testExplanation());
    expect(up.map((m) => m.toTier)).toEqual(['Tier1']);
    expect(down.map((m) => m.toTier)).toEqual(['Tier3']);
  });
});
