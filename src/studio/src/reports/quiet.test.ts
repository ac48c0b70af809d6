import { describe, expect, it } from 'vitest';
import { quietLines } from './quiet';
import type { QuietAccountRow } from './types';

describe('quiet accounts', () => {
  const now = new Date('2026-11-24T09:00:00Z');
  const row = (over: Partial<QuietAccountRow>): QuietAccountRow => ({
    accountId: 'a-1', name: 'Acme', tier: 'Tier1', composite: 85, tierSince: '2026-10-15T09:00:00Z', aeOwner: null, sdrOwner: null,
    lastSignalAt: null, lastTouchAt: null, quietDays: 14, openTasks: 0, ...over,
  });

  it('names both owners, or says nobody owns it', () => {
    expect(quietLines([row({ aeOwner: 'Ada AE', sdrOwner: 'Sam SDR' }), row({})], 14, now).map((l) => l.owners)).toEqual(['Ada AE · Sam SDR', 'No owner']);
  });

  it('says never for no signal or no worked task, and how long ago otherwise', () => {
    const [line] = quietLines([row({ lastSignalAt: '2026-11-03T09:00:00Z' })], 14, now);
    expect([line?.lastHeard, line?.lastTouched]).toEqual(['3 weeks ago', 'never']);
  });

  it('turns red at twice the chosen span', () => {
    const lines = quietLines([row({ quietDays: 1 }), row({ quietDays: 27 }), row({ quietDays: 28 })], 14, now);
    expect(lines.map((l) => [l.quietFor, l.color])).toEqual([['1 day', 'orange'], ['27 days', 'orange'], ['28 days', 'red']]);
  });
});
