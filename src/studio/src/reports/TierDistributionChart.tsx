import { DonutChart } from '@mantine/charts';
import { ColorSwatch, Group, Stack, Table, Text } from '@mantine/core';
import { csvHref, useTierDistribution } from './queries';
import { count, percent } from './format';
import { ReportCard } from './ReportCard';
import { tierSlices, totalAccounts } from './tierDistribution';

/** How many accounts each tier holds now: a donut and a legend with shares, unowned and flagged accounts. */
export function TierDistributionChart() {
  const query = useTierDistribution();
  return (
    <ReportCard title="Tier distribution" description="Accounts per tier today, in the live rules' order"
      query={query} csv={csvHref('/api/reports/tier-distribution')} isEmpty={(rows) => totalAccounts(rows) === 0}
      emptyTitle="No tiered accounts yet" emptyText="Accounts appear here once the rules have evaluated them.">
      {(rows) => {
        const slices = tierSlices(rows);
        return (
          <Group align="center" gap="xl" wrap="wrap" justify="center">
            <DonutChart data={slices.filter((s) => s.value > 0)} size={180} thickness={26} paddingAngle={2}
              chartLabel={`${count(totalAccounts(rows))} accounts`} tooltipDataSource="segment" valueFormatter={count} />
            <Table verticalSpacing={6} horizontalSpacing="sm" aria-label="Accounts per tier" style={{ flex: 1, minWidth: 220 }}>
              <Table.Thead>
                <Table.Tr><Table.Th>Tier</Table.Th><Table.Th ta="right">Accounts</Table.Th><Table.Th ta="right">Share</Table.Th><Table.Th ta="right">No owner</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, i) => ({ row, slice: slices[i]! })).map(({ row, slice }) => (
                  <Table.Tr key={row.tier}>
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        <ColorSwatch color={`var(--mantine-color-${slice.color.replace('.', '-')})`} size={12} withShadow={false} />
                        <Stack gap={0}>
                          <Text size="sm" fw={500}>{slice.name}</Text>
                          {row.averageScore != null && <Text size="xs" c="dimmed">avg score {row.averageScore}</Text>}
                        </Stack>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{count(row.accounts)}</Table.Td>
                    <Table.Td ta="right">{percent(row.percent)}</Table.Td>
                    <Table.Td ta="right" c={row.withoutOwner > 0 && row.rank === 1 ? 'red.7' : undefined}>{count(row.withoutOwner)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Group>
        );
      }}
    </ReportCard>
  );
}
