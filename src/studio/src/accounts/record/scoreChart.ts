import type { ScoreBreakdown } from '../types';

/** One component as the score chart draws it: its 0–100 score, its weight's share of the composite and what it adds. */
export interface ComponentBar {
  component: string;
  score: number;
  /** The weight as the rules give it (30), or null when no weight rule passed for this account. */
  weight: number | null;
  /** The weight's share of all passing weights (0.3), or null. */
  share: number | null;
  /** Score × share: the points this component adds to the composite, one decimal. */
  contribution: number;
  color: string;
}

export interface ReasonGroup {
  /** null: reasons the server could not tie to a component. */
  component: string | null;
  color: string;
  total: number;
  reasons: { text: string; points: number | null }[];
}

const palette = ['indigo', 'cyan', 'grape', 'orange', 'teal', 'pink', 'lime', 'red'];

/** The composite is the weighted mean of the components (rules/scoring.json's Composite workflow). */
export function componentBars(breakdown: ScoreBreakdown): ComponentBar[] {
  const weights = breakdown.components.reduce((sum, c) => sum + (c.weight ?? 0), 0);
  return breakdown.components.map((c, index) => {
    const share = c.weight != null && weights > 0 ? c.weight / weights : null;
    return {
      component: c.component,
      score: c.score,
      weight: c.weight,
      share,
      contribution: share == null ? 0 : Math.round(c.score * share * 10) / 10,
      color: palette[index % palette.length] ?? 'gray',
    };
  });
}

/** Reasons under the component they scored for, in the chart's order, biggest points first; untied reasons last. */
export function reasonGroups(breakdown: ScoreBreakdown, bars: ComponentBar[] = componentBars(breakdown)): ReasonGroup[] {
  const groups = bars.map((bar): ReasonGroup => ({ component: bar.component, color: bar.color, total: 0, reasons: [] }));
  const other: ReasonGroup = { component: null, color: 'gray', total: 0, reasons: [] };
  for (const reason of breakdown.reasons) {
    const group = groups.find((g) => g.component === reason.component) ?? other;
    group.reasons.push({ text: reason.text, points: reason.points });
    group.total += reason.points ?? 0;
  }
  for (const group of groups) group.reasons.sort((a, b) => (b.points ?? 0) - (a.points ?? 0));
  return [...groups, other].filter((g) => g.reasons.length > 0);
}

/** "+20", "−5": points as the reasons list shows them. */
export function pointsLabel(points: number | null): string {
  if (points == null) return '';
  return points < 0 ? `−${Math.abs(points)}` : `+${points}`;
}

export function percent(share: number | null): string {
  return share == null ? 'not counted' : `${Math.round(share * 100)}%`;
}
