import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type Explanation = Schemas['AccountExplanation'];
export type ExplainedRule = Schemas['ExplainedRule'];
export type ExplainedSignal = Schemas['ExplainedSignal'];
export type TierMove = Schemas['TierMove'];
export type TierThreshold = Schemas['TierThreshold'];

/** One component as the explanation shows it: score, weight, what it adds, its passing rules then its failing ones
 *  (each list by points, largest first). */
export interface ComponentGroup {
  name: string;
  score: number;
  sharePercent: number;
  contribution: number;
  passed: ExplainedRule[];
  failed: ExplainedRule[];
}

const byPoints = (a: ExplainedRule, b: ExplainedRule) => Math.abs(b.points ?? 0) - Math.abs(a.points ?? 0);

export function componentGroups(explanation: Explanation): ComponentGroup[] {
  return explanation.components.map((c) => ({
    name: c.name,
    score: c.score,
    sharePercent: Math.round(c.share * 100),
    contribution: c.contribution,
    passed: c.rules.filter((r) => r.passed).sort(byPoints),
    failed: c.rules.filter((r) => !r.passed).sort(byPoints),
  }));
}

/** +30, −40 (a real minus sign), 0. */
export function pointsLabel(points: number | null | undefined): string {
  if (points == null) return '';
  const rounded = Number(points.toFixed(2));
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0';
}

export function daysAgo(days: number): string {
  if (days < 1) return 'today';
  const whole = Math.round(days);
  return whole === 1 ? 'yesterday' : `${whole} days ago`;
}

const detailKeys = ['page', 'title', 'round', 'topic', 'site', 'contact'];

/** "page_visit · 2 days ago · /pricing": the type, the age and the property that tells it apart. */
export function signalLabel(signal: ExplainedSignal): string {
  const key = detailKeys.find((k) => signal.properties[k]);
  return [signal.type, daysAgo(signal.daysAgo), key ? signal.properties[key] : null].filter(Boolean).join(' · ');
}

/** A rule's evidence signals, newest first (ids the explanation does not list are left out). */
export function evidenceOf(rule: ExplainedRule, explanation: Explanation): ExplainedSignal[] {
  const ids = new Set(rule.evidenceSignalIds);
  return explanation.signals.filter((s) => ids.has(s.id));
}

/** The composite's thresholds on a 0–100 scale (the tier rules that say score.Composite >= n), lowest first. */
export function compositeMarks(explanation: Explanation): { tier: string; at: number; met: boolean }[] {
  const seen = new Set<string>();
  return explanation.whatWouldChange.thresholds
    .filter((t) => t.measure === 'Composite' && (t.comparison === '>=' || t.comparison === '>') && t.threshold >= 0 && t.threshold <= 100)
    .sort((a, b) => a.threshold - b.threshold)
    .filter((t) => !seen.has(t.tier) && seen.add(t.tier))
    .map((t) => ({ tier: t.tier, at: t.threshold, met: t.met }));
}

/** The thresholds nearest first. */
export function nearestThresholds(explanation: Explanation): TierThreshold[] {
  return [...explanation.whatWouldChange.thresholds].sort((a, b) => Math.abs(a.distance) - Math.abs(b.distance));
}

export function splitMoves(explanation: Explanation): { up: TierMove[]; down: TierMove[] } {
  const moves = explanation.whatWouldChange.moves;
  return { up: moves.filter((m) => m.direction === 'up'), down: moves.filter((m) => m.direction === 'down') };
}

/** Why the account is in its tier, in a few words. */
export function decisionText(explanation: Explanation): string {
  const cause = explanation.causeRules[0];
  switch (explanation.decisionKind) {
    case 'trigger': {
      const action = explanation.triggers.find((t) => t.rule === cause)?.action ?? 'a';
      return `${action === 'promote' ? 'promoted' : action === 'demote' ? 'demoted' : 'moved'} by the trigger ${cause}`;
    }
    case 'hold':
      return `held there by an earlier promotion (by score: ${explanation.scoreTier})`;
    default:
      return explanation.tier === explanation.scoreTier ? `by score: ${explanation.tierRule}` : `by score ${explanation.scoreTier}, kept by the tier policy`;
  }
}

/** A colour per tier name: the best tiers green, the worst red (names are whatever the rules call them). */
export function tierColor(tier: string): string {
  if (/disq|suppress/i.test(tier)) return 'red';
  if (/1|priority|strategic|\bA\b/i.test(tier)) return 'teal';
  if (/2|target|growth|\bB\b/i.test(tier)) return 'blue';
  if (/3|market|monitor|\bC\b/i.test(tier)) return 'gray';
  return 'violet';
}
