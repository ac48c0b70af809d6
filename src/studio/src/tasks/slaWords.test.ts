import { describe, expect, it } from 'vitest';
import { slaWords, spanWords } from './slaWords';

const now = new Date('2026-11-30T12:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

describe('spanWords', () => {
  it('uses minutes under an hour, hours under two days, then days', () => {
    expect(spanWords(20 * 60_000)).toBe('20 min');
    expect(spanWords(10_000)).toBe('1 min');
    expect(spanWords(3 * 3_600_000)).toBe('3 h');
    expect(spanWords(-30 * 3_600_000)).toBe('30 h');
    expect(spanWords(72 * 3_600_000)).toBe('3 d');
  });
});

describe('slaWords', () => {
  it('is green while more than half of the SLA is left', () => {
    expect(slaWords({ createdAt: at(-1), dueAt: at(20), slaDueAt: at(3) }, now)).toEqual({ text: 'due in 3 h', color: 'green', label: 'SLA due in 3 h' });
  });

  it('turns yellow once half of the SLA has passed', () => {
    expect(slaWords({ createdAt: at(-5), dueAt: at(20), slaDueAt: at(3) }, now).color).toBe('yellow');
  });

  it('says how long ago a breached SLA was due, in red', () => {
    expect(slaWords({ createdAt: at(-10), dueAt: at(20), slaDueAt: at(-2), slaBreached: true }, now))
      .toEqual({ text: '2 h overdue', color: 'red', label: 'SLA 2 h overdue' });
  });

  it('shows the due time in gray when the task has no SLA', () => {
    expect(slaWords({ createdAt: at(-1), dueAt: at(26), slaDueAt: null }, now)).toEqual({ text: 'due in 26 h', color: 'gray', label: 'Task due in 26 h' });
    expect(slaWords({ createdAt: at(-9), dueAt: at(-0.5), slaDueAt: null }, now).text).toBe('30 min overdue');
  });

  it('says due now in the last minute', () => {
    expect(slaWords({ createdAt: at(-1), dueAt: at(2), slaDueAt: new Date(now.getTime() + 20_000).toISOString() }, now).text).toBe('due now');
  });
});
