import { shortDay } from './format';
import type { MovementRow } from './types';

/** The causes in stacking order (bottom first), with the words and colours the chart and its legend use. */
export const movementSeries = [
  { name: 'promotions', label: 'Promotion', color: 'teal.6' },
  { name: 'demotions', label: 'Demotion', color: 'orange.6' },
  { name: 'triggers', label: 'Trigger', color: 'violet.6' },
  { name: 'rulesetChanges', label: 'Ruleset change', color: 'yellow.5' },
  { name: 'newlyTiered', label: 'Newly tiered', color: 'gray.4' },
] as const;

export type MovementBar = { label: string } & Pick<MovementRow, 'start' | 'promotions' | 'demotions' | 'triggers' | 'rulesetChanges' | 'newlyTiered' | 'total'>;

/** One stacked bar per day or week, labelled "Nov 3" (a week by its Monday). */
export function movementBars(rows: MovementRow[]): MovementBar[] {
  return rows.map((row) => ({ ...row, label: shortDay(row.start) }));
}

/** Moves per cause over the whole range (the legend's numbers). */
export function movementTotals(rows: MovementRow[]): Record<(typeof movementSeries)[number]['name'], number> {
  const totals = { promotions: 0, demotions: 0, triggers: 0, rulesetChanges: 0, newlyTiered: 0 };
  for (const row of rows) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  return totals;
}
