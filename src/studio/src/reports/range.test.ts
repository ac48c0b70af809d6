import { describe, expect, it } from 'vitest';
import { days, percent, shortDay, tierLabel } from './format';
import { defaultInterval, parseRange, rangeFor } from './range';

describe('range and words', () => {
  it('reads the range from the URL, 30 days unless 7 or 90', () => {
    expect([parseRange('7'), parseRange('90'), parseRange('365'), parseRange(null)]).toEqual([7, 90, 30, 30]);
  });

  it('covers whole UTC days up to the end of today', () => {
    expect(rangeFor(7, new Date('2026-11-24T15:30:00Z'))).toEqual({ days: 7, from: '2026-11-18T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' });
    expect([defaultInterval(7), defaultInterval(30), defaultInterval(90)]).toEqual(['day', 'day', 'week']);
  });

  it('writes numbers the way the cards show them', () => {
    expect([percent(33.3), percent(100), percent(null), days(1), days(12.5), tierLabel('Tier12'), shortDay('2026-11-23')])
      .toEqual(['33.3%', '100%', '—', '1 day', '12.5 days', 'Tier 12', 'Nov 23']);
  });
});
