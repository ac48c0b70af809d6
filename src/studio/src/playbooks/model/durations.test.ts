import { describe, expect, it } from 'vitest';
import { durationInWords, durationShort, parseDuration } from './durations';

describe('durationInWords', () => {
  it('reads days as business days in the rep time zone for tasks and SLAs', () => {
    expect(durationInWords('P2D', { business: true })).toBe("2 business days in the rep's time zone");
  });
  it('reads hours as working hours and says how many working days of 8 h they make', () => {
    expect(durationInWords('PT24H', { business: true })).toBe("24 working hours (3 working days of 8 h) in the rep's time zone");
    expect(durationInWords('PT4H', { business: true })).toBe("4 working hours in the rep's time zone");
  });
  it('reads delays on the wall clock', () => {
    expect(durationInWords('P1DT12H', { business: false })).toBe('1 day 12 hours (calendar time)');
  });
  it('refuses months, years and text the engine would refuse', () => {
    for (const text of ['P1M', 'P1Y', 'P1W', '2 days', 'P', 'PT', '']) expect(durationInWords(text, { business: true })).toBeNull();
  });
  it('parses the parts', () => {
    expect(parseDuration('p1dt2h30m')).toEqual({ days: 1, hours: 2, minutes: 30 });
  });
  it('summarises short', () => {
    expect(durationShort('P1D', true)).toBe('1 business day');
    expect(durationShort('PT4H', false)).toBe('4 h');
  });
});
