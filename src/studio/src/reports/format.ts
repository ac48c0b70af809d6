/** Shared words and numbers of the dashboard. */
const dayFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const whole = new Intl.NumberFormat('en');

/** "Nov 3" for a yyyy-MM-dd day (a UTC calendar day, as the server counts them). */
export function shortDay(isoDay: string): string {
  return dayFormat.format(new Date(`${isoDay}T00:00:00Z`));
}

export function count(value: number): string {
  return whole.format(value);
}

export function percent(value: number | null | undefined): string {
  return value == null ? '—' : `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

export function days(value: number | null | undefined): string {
  if (value == null) return '—';
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${value === 1 ? 'day' : 'days'}`;
}

/** A tier's colour by its place in the live rules: the best tier strongest; tiers the rules no longer name grey. */
const tierPalette = ['indigo.6', 'cyan.6', 'teal.4', 'gray.5', 'orange.4', 'grape.4'];
export function tierColor(rank: number | null | undefined, tiers: number): string {
  if (rank == null) return 'gray.4';
  if (rank === tiers && tiers > 2) return 'red.4'; // the worst tier (Disqualified in the default rules)
  return tierPalette[(rank - 1) % tierPalette.length] ?? 'gray.5';
}

/** "Tier1" → "Tier 1"; other names as they are. */
export function tierLabel(tier: string): string {
  return tier.replace(/^Tier(\d+)$/, 'Tier $1');
}
