import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { count, percent, tierLabel } from './format';
import { kpis } from './kpis';
import { useCoverage, useMovements, useSlaAttainment, useTierDistribution } from './queries';
import { defaultInterval, type ReportRange } from './range';
import { slaColor } from './slaAttainment';

/** The headline numbers, from the same (cached) answers the charts below use. */
export function KpiStrip({ range }: { range: ReportRange }) {
  const tiers = useTierDistribution();
  const movements = useMovements(range, defaultInterval(range.days));
  const sla = useSlaAttainment(range, 'rep');
  const coverage = useCoverage();
  const k = kpis(tiers.data, movements.data, sla.data, coverage.data);
  const tiles = [
    { label: 'Accounts tiered', value: tiers.data ? count(k.tiered) : null, hint: 'today' },
    { label: k.topTier ? `${tierLabel(k.topTier.name)} accounts` : 'Top tier accounts', value: tiers.data ? count(k.topTier?.accounts ?? 0) : null, hint: 'today' },
    { label: 'Tier moves', value: k.moves == null ? null : count(k.moves), hint: `last ${range.days} days, new accounts aside` },
    { label: 'SLA attainment', value: sla.data ? percent(k.attainment) : null, hint: `last ${range.days} days`, color: k.attainment == null ? undefined : slaColor(k.attainment) },
    { label: 'Tier 1 without owner', value: k.unownedTopTier == null ? null : count(k.unownedTopTier), hint: 'today', color: k.unownedTopTier ? 'red.7' : undefined },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md" component="section" aria-label="Key numbers">
      {tiles.map((tile) => (
        <Paper key={tile.label} withBorder radius="lg" p="md" shadow="xs">
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" lts={0.4}>{tile.label}</Text>
          {tile.value == null ? <Skeleton h={30} w="60%" mt={6} radius="sm" /> : <Text fz={28} fw={700} c={tile.color} lh={1.3}>{tile.value}</Text>}
          <Text size="xs" c="dimmed">{tile.hint}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
