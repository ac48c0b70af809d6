import { describe, expect, it } from 'vitest';
import { snoozePresets } from './snoozePresets';

describe('snoozePresets', () => {
  it('offers an hour from now, tomorrow 9:00 and next Monday 9:00', () => {
    const wednesday = new Date(2026, 10, 25, 14, 30);
    const [hour, tomorrow, week] = snoozePresets(wednesday);
    expect(hour!.until).toEqual(new Date(2026, 10, 25, 15, 30));
    expect(tomorrow!.until).toEqual(new Date(2026, 10, 26, 9, 0));
    expect(week!.until).toEqual(new Date(2026, 10, 30, 9, 0));
  });

  it('on a Monday, next week is the Monday after', () => {
    expect(snoozePresets(new Date(2026, 10, 30, 8, 0))[2]!.until).toEqual(new Date(2026, 11, 7, 9, 0));
  });
});
