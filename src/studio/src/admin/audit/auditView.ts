import type { AuditChange } from '../adminTypes';

/** The kinds of things the audit log records, as the API names them, with the tab's words. */
export const auditKinds = [
  { value: 'ruleset', label: 'Rule sets', color: 'indigo' },
  { value: 'playbook', label: 'Playbooks', color: 'teal' },
  { value: 'template', label: 'Templates', color: 'cyan' },
  { value: 'user', label: 'Users', color: 'grape' },
  { value: 'token', label: 'API tokens', color: 'orange' },
  { value: 'rep', label: 'Reps', color: 'lime' },
  { value: 'tier-review', label: 'Tier reviews', color: 'pink' },
] as const;

export type AuditKind = (typeof auditKinds)[number]['value'];

export function isAuditKind(value: string | null): value is AuditKind {
  return auditKinds.some((k) => k.value === value);
}

export function kindColor(kind: string): string {
  return auditKinds.find((k) => k.value === kind)?.color ?? 'gray';
}

/** Singular words for a badge: "rule set", "API token". */
export function kindName(kind: string): string {
  return { ruleset: 'rule set', token: 'API token', 'tier-review': 'tier review' }[kind] ?? kind;
}

export const sinceRanges = [
  { value: 'all', label: 'Any time', hours: null },
  { value: 'day', label: 'Last 24 hours', hours: 24 },
  { value: 'week', label: 'Last 7 days', hours: 24 * 7 },
  { value: 'month', label: 'Last 30 days', hours: 24 * 30 },
] as const;

export type SinceRange = (typeof sinceRanges)[number]['value'];

/** The ISO time a range starts at, or undefined for any time. */
export function sinceOf(range: SinceRange, now: Date = new Date()): string | undefined {
  const hours = sinceRanges.find((r) => r.value === range)?.hours;
  return hours == null ? undefined : new Date(now.getTime() - hours * 3600_000).toISOString();
}

/** "tier1Capacity" → "tier1 capacity", "repId" → "rep", "passwordHash" → "password". */
export function fieldLabel(field: string): string {
  const plain = field.replace(/(Hash|Id)$/, '') || field;
  return plain.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** One change in words: created fields read "set to", secrets and documents only say that they changed. */
export function changeText(change: AuditChange): string {
  const field = fieldLabel(change.field);
  if (change.to === '(set)') return `${field} set`;
  if (change.to === '(changed)') return `${field} changed`;
  if (change.from == null) return `${field}: ${change.to ?? '(none)'}`;
  return `${field}: ${change.from} → ${change.to ?? '(none)'}`;
}

/** Who made the change, for the actor column: a person's email, the CLI, or the server on its own. */
export function actorKind(actor: string): 'person' | 'cli' | 'system' {
  return actor === 'system' ? 'system' : actor.startsWith('cli (') ? 'cli' : 'person';
}
