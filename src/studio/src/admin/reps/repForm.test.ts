import { describe, expect, it } from 'vitest';
import type { Rep } from '../adminTypes';
import { formFromRep, inputFromForm, timeZones, workingWeekWords } from './repForm';

const jonas: Rep = {
  id: 'rep-jonas-weber', email: 'jonas@demo.test', name: 'Jonas Weber', role: 'AE', team: 'East', managerId: 'rep-anna-keller',
  territories: ['DACH', 'Benelux'], pairRepId: null, assignmentWeight: 1, tier1Capacity: 40, timeZone: 'Europe/Berlin',
  workingDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], outOfOfficeFrom: '2026-12-01T00:00:00Z',
  outOfOfficeUntil: '2026-12-05T00:00:00Z', version: '5c1e6f1e-1111-4a4a-9b9b-123456789abc',
};

describe('rep form', () => {
  it('sends back what it read, with the version and the absence the form does not show', () => {
    const input = inputFromForm(formFromRep(jonas, { timeZone: 'UTC' }), jonas);
    expect(input).toMatchObject({
      id: 'rep-jonas-weber', email: 'jonas@demo.test', team: 'East', territories: ['DACH', 'Benelux'], tier1Capacity: 40,
      timeZone: 'Europe/Berlin', version: jonas.version, outOfOfficeFrom: jonas.outOfOfficeFrom, outOfOfficeUntil: jonas.outOfOfficeUntil,
    });
  });

  it('starts a new rep with a Monday-to-Friday week in the given time zone and no version', () => {
    const values = formFromRep(null, { timeZone: 'America/Chicago' });
    expect(values).toMatchObject({ role: 'AE', timeZone: 'America/Chicago', tier1Capacity: 30 });
    const input = inputFromForm({ ...values, name: ' Ada ', email: 'ada@x.test', team: ' ', territories: [' APAC ', ''], tier1Capacity: '' }, null);
    expect(input).toMatchObject({ id: null, name: 'Ada', team: null, territories: ['APAC'], tier1Capacity: null, version: null, outOfOfficeFrom: null });
  });

  it('orders the working days from Monday', () => {
    expect(inputFromForm({ ...formFromRep(null, { timeZone: 'UTC' }), workingDays: ['Sunday', 'Monday', 'Wednesday'] }, null).workingDays)
      .toEqual(['Monday', 'Wednesday', 'Sunday']);
  });

  it('says a working week in few words', () => {
    expect(workingWeekWords(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])).toBe('Mon–Fri');
    expect(workingWeekWords(['Sunday', 'Monday', 'Tuesday', 'Thursday', 'Saturday'])).toBe('Mon, Tue, Thu, Sat, Sun');
    expect(workingWeekWords(['Monday', 'Tuesday', 'Wednesday', 'Friday', 'Saturday'])).toBe('Mon–Wed, Fri, Sat');
    expect(workingWeekWords([])).toBe('no working days');
  });

  it('offers UTC and keeps a zone the browser does not list', () => {
    const zones = timeZones('Etc/Legacy');
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Etc/Legacy');
  });
});
