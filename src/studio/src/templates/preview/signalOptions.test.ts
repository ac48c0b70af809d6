import { describe, expect, it } from 'vitest';
import { noSignal, signalOptions, type SignalView } from './signalOptions';

const now = new Date('2026-11-24T09:00:00Z');
const signal = (id: string, type: string, occurredAt: string, source: string | null, properties: Record<string, string> = {}): SignalView =>
  ({ id, accountId: 'a', type, occurredAt, source, properties, receivedAt: occurredAt });

describe('signalOptions', () => {
  it('offers no signal first, then each signal in words', () => {
    expect(signalOptions([
      signal('s1', 'funding_round', '2026-11-23T09:00:00Z', 'crunchbase', { round: 'Series B', amount: '25000000', lead: 'x' }),
      signal('s2', 'page_visit', '2026-11-24T06:00:00Z', null),
    ], now)).toEqual([
      { value: noSignal, label: 'No signal (a task from a tier change)' },
      { value: 's1', label: 'funding round · yesterday · crunchbase · round=Series B, amount=25000000' },
      { value: 's2', label: 'page visit · 3 hours ago' },
    ]);
  });
});
