import { describe, expect, it } from 'vitest';
import { signalWords, tierCauseWords } from './whyWords';

const tier = { tier: 'Tier1', since: '2026-11-01T00:00:00Z', kind: 'score', rules: [] as string[], rulesetVersion: 'abc', reasons: [] as string[] };

describe('why words', () => {
  it('names the kind of move and its rules', () => {
    expect(tierCauseWords({ ...tier, rules: ['Pricing visits'] })).toBe('by its score (rule Pricing visits)');
    expect(tierCauseWords({ ...tier, kind: 'trigger', rules: ['Demo request', 'Funding'] })).toBe('by a trigger rule (rules Demo request, Funding)');
    expect(tierCauseWords({ ...tier, kind: null })).toBe('by the live rules');
    expect(tierCauseWords({ ...tier, kind: 'something-new' })).toBe('by something-new');
  });

  it('puts a signal on one line', () => {
    const signal = { id: 's1', type: 'page_visit', occurredAt: '2026-11-01T00:00:00Z', source: null, role: 'x' };
    expect(signalWords({ ...signal, properties: { page: '/pricing', utm: 'ads' } })).toBe('page_visit page=/pricing, utm=ads');
    expect(signalWords({ ...signal, properties: {} })).toBe('page_visit');
  });
});
