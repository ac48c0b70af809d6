import { Box, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CoverageChart } from './CoverageChart';
import { KpiStrip } from './KpiStrip';
import { SegmentsCard } from './SegmentsCard';
import { MovementsChart } from './MovementsChart';
import { QuietAccountsTable } from './QuietAccountsTable';
import { defaultRange, parseRange, rangeChoices, rangeFor } from './range';
import { SlaAttainmentChart } from './SlaAttainmentChart';
import { SlaBreachHeatmap } from './SlaBreachHeatmap';
import { TierDistributionChart } from './TierDistributionChart';
import { TimeInTierChart } from './TimeInTierChart';

/** Managers' (and ops') dashboard: tiers, moves, time in tier, SLAs, coverage and quiet Tier 1 accounts, for the range in the URL (?range=7|30|90). */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const days = parseRange(params.get('range'));
  const range = useMemo(() => rangeFor(days), [days]);
  const choose = (value: string) => setParams((current) => {
    const next = new URLSearchParams(current);
    if (Number(value) === defaultRange) next.delete('range');
    else next.set('range', value);
    return next;
  }, { replace: true });

  return (
    <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
      <Stack p="lg" gap="lg" maw={1440} w="100%" mx="auto">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={1} size="h2">Dashboard</Title>
            <Text c="dimmed" size="sm">Counted from the tier history and the tasks; tier distribution and coverage show today.</Text>
          </div>
          <SegmentedControl value={String(days)} onChange={choose} aria-label="Range" radius="md"
            data={rangeChoices.map((d) => ({ value: String(d), label: `Last ${d} days` }))} />
        </Group>
        <KpiStrip range={range} />
        <Grid gap="lg" align="stretch">
          <Grid.Col span={{ base: 12, lg: 5 }}><TierDistributionChart /></Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}><MovementsChart range={range} /></Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}><SlaAttainmentChart range={range} /></Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}><CoverageChart /></Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}><TimeInTierChart range={range} /></Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}><SlaBreachHeatmap range={range} /></Grid.Col>
          <Grid.Col span={12}><SegmentsCard /></Grid.Col>
          <Grid.Col span={12}><QuietAccountsTable /></Grid.Col>
        </Grid>
      </Stack>
    </Box>
  );
}
