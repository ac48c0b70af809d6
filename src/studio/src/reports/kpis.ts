import { overallAttainment } from './slaAttainment';
import type { CoverageRow, MovementRow, SlaAttainmentRow, TierDistributionRow } from './types';

export interface Kpis {
  tiered: number;
  topTier: { name: string; accounts: number } | null;
  moves: number | null;
  attainment: number | null;
  unownedTopTier: number | null;
}

/** The headline numbers above the charts, from the reports the charts already loaded (no extra calls). */
export function kpis(tiers?: TierDistributionRow[], movements?: MovementRow[], sla?: SlaAttainmentRow[], coverage?: CoverageRow[]): Kpis {
  const top = tiers?.find((t) => t.rank === 1);
  return {
    tiered: tiers?.reduce((sum, t) => sum + t.accounts, 0) ?? 0,
    topTier: top ? { name: top.tier, accounts: top.accounts } : null,
    moves: movements ? movements.reduce((sum, m) => sum + m.total - m.newlyTiered, 0) : null,
    attainment: sla ? overallAttainment(sla) : null,
    unownedTopTier: coverage ? coverage.find((c) => c.repId == null)?.tier1Accounts ?? 0 : null,
  };
}
