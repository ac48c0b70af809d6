/** The Mantine colour of a tier, the same rule as the inbox's tier badge: Tier 1 stands out, lower tiers fade, other
 *  tiers (Disqualified) are grey. The ruleset names the tiers, so only the number is read. */
export function tierColor(tier: string | null | undefined): string {
  const n = Number(/\d+/.exec(tier ?? '')?.[0]);
  return n === 1 ? 'violet' : n === 2 ? 'blue' : n === 3 ? 'teal' : 'gray';
}

/** A shade of the tier's colour as a CSS value. */
export const tierShade = (tier: string | null | undefined, shade: number) => `var(--mantine-color-${tierColor(tier)}-${shade})`;
