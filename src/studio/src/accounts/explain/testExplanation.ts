import type { ExplainedRule, Explanation } from './explanationView';

/** A small explanation as the server sends it (a good fit with two pricing visits and a reply: Tier 2). */
export function rule(name: string, passed: boolean, extra: Partial<ExplainedRule> = {}): ExplainedRule {
  return { workflow: 'Engagement', rule: name, expression: 'true', passed, points: null, reason: null, tier: null, action: null, values: [],
    evidenceSignalIds: [], error: null, ...extra };
}

export function testExplanation(extra: Partial<Explanation> = {}): Explanation {
  return {
    accountId: 'fit-1', accountName: 'Good Fit One', rulesVersion: 'abcdef1234567890', draft: false, evaluatedAt: '2026-11-24T09:00:00Z',
    stored: null, tier: 'Tier2', decisionKind: 'score', causeRules: ['Tier2Threshold'], scoreTier: 'Tier2', tierRule: 'Tier2Threshold', composite: 50.5,
    components: [
      { name: 'Fit', score: 85, points: 85, weight: 30, share: 0.3, contribution: 25.5, rules: [
        rule('TooSmall', false, { workflow: 'Fit', points: -40, reason: 'Fewer than 20 employees' }),
        rule('MidMarketSize', true, { workflow: 'Fit', points: 25, values: [{ expression: 'account.EmployeeCount', value: '300' }] }),
        rule('TargetIndustry', true, { workflow: 'Fit', points: 30 }),
      ] },
      { name: 'Engagement', score: 60, points: 60, weight: 25, share: 0.25, contribution: 15, rules: [
        rule('RepliedEmail', true, { points: 30, reason: 'Replied in 30 days', values: [{ expression: 'signals.Count("email_reply", 30)', value: '1' }],
          evidenceSignalIds: ['fit-1-reply'] }),
        rule('MeetingBooked', false, { points: 30 }),
      ] },
    ],
    tiering: [
      rule('PoorFit', false, { workflow: 'Tiering', tier: 'Disqualified' }),
      rule('Tier1Threshold', false, { workflow: 'Tiering', tier: 'Tier1' }),
      rule('Tier2Threshold', true, { workflow: 'Tiering', tier: 'Tier2' }),
    ],
    triggers: [rule('PricingPageThreeTimes', false, { workflow: 'Triggers', action: 'promote', tier: 'Tier1' })],
    signals: [
      { id: 'fit-1-reply', type: 'email_reply', occurredAt: '2026-11-21T09:00:00Z', daysAgo: 3, properties: { contact: 'a@goodfit1.com' } },
      { id: 'fit-1-pricing-1', type: 'page_visit', occurredAt: '2026-11-23T09:00:00Z', daysAgo: 1, properties: { page: '/pricing', contact: 'a@goodfit1.com' } },
    ],
    whatWouldChange: {
      thresholds: [
        { tier: 'Disqualified', rank: 9, rule: 'PoorFit', measure: 'Fit', comparison: '<', threshold: 20, value: 85, met: false, distance: -65, text: '' },
        { tier: 'Tier1', rank: 1, rule: 'Tier1Threshold', measure: 'Composite', comparison: '>=', threshold: 80, value: 50.5, met: false, distance: 29.5, text: '' },
        { tier: 'Tier2', rank: 2, rule: 'Tier2Threshold', measure: 'Composite', comparison: '>=', threshold: 50, value: 50.5, met: true, distance: -0.5, text: '' },
      ],
      moves: [
        { toTier: 'Tier1', direction: 'up', composite: 50.5, text: 'one more page_visit with page /pricing in 14 days → Tier1',
          flips: [{ workflow: 'Triggers', rule: 'PricingPageThreeTimes', passes: true, phrase: 'one more page_visit with page /pricing in 14 days', text: '' }] },
        { toTier: 'Tier3', direction: 'down', composite: 43, text: 'no email_reply in 30 days (now 1) → Tier3',
          flips: [{ workflow: 'Engagement', rule: 'RepliedEmail', passes: false, phrase: 'no email_reply in 30 days (now 1)', text: '' }] },
      ],
      notes: ['A demotion by score needs the composite 5 points below the threshold (hysteresis).'],
      setsTried: 4231, maxSetSize: 3,
    },
    ...extra,
  };
}
