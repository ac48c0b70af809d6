import { CompositeChart } from '@mantine/charts';
import { Alert, Group, Text } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { count } from './format';
import { coverageBars, unowned } from './coverage';
import { csvHref, useCoverage } from './queries';
import { ReportCard } from './ReportCard';

/** Each rep's Tier 1 accounts against their capacity today, and the accounts nobody owns. */
export function CoverageChart() {
  const query = useCoverage();
  return (
    <ReportCard title="Coverage" description="Tier 1 accounts per AE and SDR against their capacity, today"
      query={query} csv={csvHref('/api/reports/coverage')} isEmpty={(rows) => coverageBars(rows).length === 0 && unowned(rows).accounts === 0}
      emptyTitle="No reps and no accounts yet" emptyText="Add reps (with their Tier 1 capacity) and import accounts.">
      {(rows) => {
        const bars = coverageBars(rows);
        const missing = unowned(rows);
        const over = bars.filter((b) => b.over);
        return (
          <>
            <Alert variant="light" color={missing.tier1 > 0 ? 'red' : 'gray'} icon={<IconUserQuestion size={18} />} p="xs" role="note"
              title={`${count(missing.accounts)} accounts without an owner`}>
              {missing.tier1 > 0 ? `${count(missing.tier1)} of them are Tier 1 and wait for an AE.` : 'None of them is Tier 1.'}
            </Alert>
            <CompositeChart h={240} data={bars} dataKey="name" withLegend legendProps={{ verticalAlign: 'bottom', height: 32 }}
              maxBarWidth={36} curveType="linear" gridAxis="y" tickLine="y" valueFormatter={count}
              xAxisProps={{ interval: 0, tick: { fontSize: 11 } }}
              series={[
                { name: 'tier1', label: 'Tier 1 accounts', color: 'indigo.6', type: 'bar' },
                { name: 'capacity', label: 'Capacity', color: 'red.5', type: 'line', strokeDasharray: '6 4' },
              ]} />
            <Group gap="xs">
              <Text size="xs" c={over.length > 0 ? 'red.7' : 'dimmed'}>
                {over.length > 0 ? `Over capacity: ${over.map((b) => `${b.name} (${b.tier1}/${b.capacity})`).join(', ')}` : 'Everyone is within their Tier 1 capacity.'}
              </Text>
              {bars.some((b) => b.away) && <Text size="xs" c="dimmed">Out of office: {bars.filter((b) => b.away).map((b) => b.name).join(', ')}</Text>}
            </Group>
          </>
        );
      }}
    </ReportCard>
  );
}
