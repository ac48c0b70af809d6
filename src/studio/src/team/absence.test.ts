import { describe, expect, it } from 'vitest';
import { absenceRange, absenceWords, dateInputValue } from './absence';

describe('absence words', () => {
  it('says when someone who is away now is back', () => {
    expect(absenceWords({ outOfOfficeFrom: '2026-11-30T08:00:00Z', outOfOfficeUntil: '2026-12-03T12:00:00Z', outNow: true }))
      .toEqual({ text: 'Away, back Thu 3 Dec', color: 'orange' });
  });

  it('shows a planned absence in gray', () => {
    expect(absenceWords({ outOfOfficeFrom: '2026-12-07T12:00:00Z', outOfOfficeUntil: '2026-12-11T12:00:00Z', outNow: false }))
      .toEqual({ text: 'Away Mon 7 Dec, back Fri 11 Dec', color: 'gray' });
  });

  it('says nothing when nobody is away', () => {
    expect(absenceWords({ outOfOfficeFrom: null, outOfOfficeUntil: null, outNow: false })).toBeNull();
  });
});

describe('absence range', () => {
  const now = new Date(2026, 10, 30, 10, 30); // Mon 30 Nov 2026, 10:30 local

  it('starts now when the first day is today and ends when the day back begins', () => {
    expect(absenceRange('2026-11-30', '2026-12-03', now)).toEqual({
      from: now.toISOString(), until: new Date(2026, 11, 3).toISOString(),
    });
  });

  it('starts at midnight of a later first day', () => {
    expect(absenceRange('2026-12-07', '2026-12-14', now)).toEqual({
      from: new Date(2026, 11, 7).toISOString(), until: new Date(2026, 11, 14).toISOString(),
    });
  });

  it('names the date that is wrong', () => {
    expect(absenceRange('', '2026-12-03', now)).toMatchObject({ field: 'firstDay' });
    expect(absenceRange('2026-11-30', '2026-11-30', now)).toEqual({ error: 'The day back must be after the first day away', field: 'backOn' });
    expect(absenceRange('2026-12-07', 'soon', now)).toMatchObject({ field: 'backOn' });
  });

  it('writes a local date the way a date input holds it', () => {
    expect(dateInputValue(now)).toBe('2026-11-30');
  });
});
