import type { components } from '../../api/schema';
import { type FormRule, passes, type Threshold } from './ruleForm';

/** Counting today's composite scores against the tier rules in the form, for the histogram and its live counts. */

export type ScoreCount = components['schemas']['ScoreCount'];

export interface Bin { from: number; to: number; total: number; byTier: Record<string, number> }

/** Composites run from 0 to 100. */
export const MAX_SCORE = 100;

/** Bins of `width` points from 0 to 100; 100 itself goes into the last bin, out-of-range values into the nearest. */
export function binScores(scores: readonly ScoreCount[], width: number): Bin[] {
  const count = Math.ceil(MAX_SCORE / width);
  const bins: Bin[] = Array.from({ length: count }, (_, i) => ({ from: i * width, to: Math.min((i + 1) * width, MAX_SCORE), total: 0, byTier: {} }));
  for (const s of scores) {
    const bin = bins[Math.min(Math.max(Math.floor(s.composite / width), 0), count - 1)]!;
    bin.total += s.accounts;
    bin.byTier[s.tier] = (bin.byTier[s.tier] ?? 0) + s.accounts;
  }
  return bins;
}

/** How many accounts pass a threshold's comparison and how many do not (exact: composites have one decimal). */
export function countSides(scores: readonly ScoreCount[], threshold: Pick<Threshold, 'op' | 'value'>) {
  let passing = 0;
  let failing = 0;
  for (const s of scores) {
    if (passes(s.composite, threshold)) passing += s.accounts;
    else failing += s.accounts;
  }
  return { passing, failing };
}

/** The tier the enabled tier rules give a composite when only rules on the composite (and the catch-all) are read;
 *  null when none of them decides it. */
export function tierByComposite(tierRules: readonly FormRule[], composite: number): string | null {
  for (const rule of tierRules) {
    if (!rule.enabled || !rule.tier) continue;
    if (rule.catchAll) return rule.tier;
    if (rule.threshold?.score === 'Composite' && passes(composite, rule.threshold)) return rule.tier;
  }
  return null;
}

/** Tiers that only rules on something other than the composite lead to (Disqualified: `score.Fit < 20`): moving a
 *  composite threshold does not move their accounts. */
export function tiersDecidedElsewhere(tierRules: readonly FormRule[]): Set<string> {
  const byComposite = new Set(tierRules.filter((r) => r.enabled && r.tier && (r.catchAll || r.threshold?.score === 'Composite')).map((r) => r.tier!));
  return new Set(tierRules.filter((r) => r.enabled && r.tier && !byComposite.has(r.tier)).map((r) => r.tier!));
}

/** An estimate of each tier's size under the form's tier rules, from today's scores and today's tiers: an account
 *  the live rules and the form's rules place alike (by its composite, or by another score) keeps today's tier —
 *  held by a trigger or not; an account they place differently takes the form's tier. Triggers are not re-run;
 *  the what-if evaluates every rule. */
export function estimateTiers(tierRules: readonly FormRule[], liveRules: readonly FormRule[], scores: readonly ScoreCount[]): Map<string, number> {
  const place = (rules: readonly FormRule[], elsewhere: Set<string>, s: ScoreCount) =>
    elsewhere.has(s.tier) ? s.tier : tierByComposite(rules, s.composite) ?? s.tier;
  const elsewhere = tiersDecidedElsewhere(tierRules);
  const liveElsewhere = tiersDecidedElsewhere(liveRules);
  const counts = new Map<string, number>();
  for (const s of scores) {
    const placed = place(tierRules, elsewhere, s);
    const tier = placed === place(liveRules, liveElsewhere, s) ? s.tier : placed;
    counts.set(tier, (counts.get(tier) ?? 0) + s.accounts);
  }
  return counts;
}

export function countTiers(scores: readonly ScoreCount[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of scores) counts.set(s.tier, (counts.get(s.tier) ?? 0) + s.accounts);
  return counts;
}

export interface Band { tier: string | null; from: number; to: number }

/** The runs of the 0–100 axis that the composite rules give one tier, in tenths (the composite's resolution). */
export function compositeBands(tierRules: readonly FormRule[]): Band[] {
  const bands: Band[] = [];
  for (let tenth = 0; tenth <= MAX_SCORE * 10; tenth++) {
    const value = tenth / 10;
    const tier = tierByComposite(tierRules, value);
    const last = bands[bands.length - 1];
    if (last && last.tier === tier) last.to = value;
    else bands.push({ tier, from: value, to: value });
  }
  return bands;
}
