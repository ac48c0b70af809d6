import { Badge, type BadgeProps } from '@mantine/core';

/** "Tier1" → "Tier 1"; the ruleset names the tiers, so other names stay as they are. */
export function tierLabel(tier: string | null | undefined): string {
  if (!tier) return 'Unscored';
  return tier.replace(/^Tier(\d+)$/, 'Tier $1');
}

/** Tier 1 stands out, lower tiers fade (the same colours as the inbox); only the number is read. */
export function tierColor(tier: string | null | undefined): string {
  const n = Number(/\d+/.exec(tier ?? '')?.[0]);
  return n === 1 ? 'violet' : n === 2 ? 'blue' : n === 3 ? 'teal' : 'gray';
}

export function TierBadge({ tier, ...props }: { tier: string | null | undefined } & BadgeProps) {
  return <Badge variant="light" color={tierColor(tier)} tt="none" {...props}>{tierLabel(tier)}</Badge>;
}
