import type { Rep, RepInput } from '../adminTypes';

/** The rep form's values (strings and lists, as inputs hold them) and how they map to and from the API's rep. */
export interface RepFormValues {
  id: string;
  name: string;
  email: string;
  role: Rep['role'];
  team: string;
  managerId: string | null;
  territories: string[];
  tier1Capacity: number | string;
  assignmentWeight: number | string;
  timeZone: string;
  workingDays: string[];
  pairRepId: string | null;
}

export const repFormFields = ['id', 'name', 'email', 'role', 'team', 'managerId', 'territories', 'tier1Capacity', 'assignmentWeight',
  'timeZone', 'workingDays', 'pairRepId'] as const;

/** Monday first, as a sales week reads; the values are the API's day names. */
export const weekdays = [
  { value: 'Monday', label: 'Mon' }, { value: 'Tuesday', label: 'Tue' }, { value: 'Wednesday', label: 'Wed' },
  { value: 'Thursday', label: 'Thu' }, { value: 'Friday', label: 'Fri' }, { value: 'Saturday', label: 'Sat' }, { value: 'Sunday', label: 'Sun' },
] as const;

export function formFromRep(rep: Rep | null, defaults: { timeZone: string }): RepFormValues {
  return {
    id: rep?.id ?? '',
    name: rep?.name ?? '',
    email: rep?.email ?? '',
    role: rep?.role ?? 'AE',
    team: rep?.team ?? '',
    managerId: rep?.managerId ?? null,
    territories: rep?.territories ?? [],
    tier1Capacity: rep?.tier1Capacity ?? 30,
    assignmentWeight: rep?.assignmentWeight ?? 1,
    timeZone: rep?.timeZone ?? defaults.timeZone,
    workingDays: rep?.workingDays ?? ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
    pairRepId: rep?.pairRepId ?? null,
  };
}

/** What the form sends. An edit sends the version it read (someone else's change in between is refused, not overwritten)
 *  and the rep's absence as it was, which this form does not change. */
export function inputFromForm(values: RepFormValues, rep: Rep | null): RepInput {
  const number = (value: number | string) => (value === '' ? null : Number(value));
  return {
    id: rep?.id ?? (values.id.trim() || null),
    name: values.name.trim(),
    email: values.email.trim(),
    role: values.role,
    team: values.team.trim() || null,
    managerId: values.managerId,
    territories: values.territories.map((t) => t.trim()).filter(Boolean),
    tier1Capacity: number(values.tier1Capacity),
    assignmentWeight: number(values.assignmentWeight),
    timeZone: values.timeZone || null,
    workingDays: sortDays(values.workingDays) as RepInput['workingDays'],
    pairRepId: values.pairRepId,
    outOfOfficeFrom: rep?.outOfOfficeFrom ?? null,
    outOfOfficeUntil: rep?.outOfOfficeUntil ?? null,
    version: rep?.version ?? null,
  };
}

export function sortDays(days: readonly string[]): string[] {
  const order: string[] = weekdays.map((d) => d.value);
  return [...days].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** "Mon–Fri", "Mon–Thu, Sat", "Sun": how a working week reads in the list. */
export function workingWeekWords(days: readonly string[]): string {
  const order: string[] = weekdays.map((d) => d.value);
  const indexes = [...new Set(days.map((d) => order.indexOf(d)).filter((i) => i >= 0))].sort((a, b) => a - b);
  if (indexes.length === 0) return 'no working days';
  const runs: [number, number][] = [];
  for (const i of indexes) {
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  const label = (i: number) => weekdays[i]!.label;
  return runs.map(([a, b]) => (a === b ? label(a) : b === a + 1 ? `${label(a)}, ${label(b)}` : `${label(a)}–${label(b)}`)).join(', ');
}

/** Every IANA time zone the browser knows, for the time zone picker (the server checks the same ids). */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...known, ...(current ? [current] : [])])];
}
