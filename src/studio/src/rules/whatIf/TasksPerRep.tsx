import { BarChart } from '@mantine/charts';
import { Badge, Table, Text } from '@mantine/core';
import { chartRows, repTaskRows } from './consequences';
import type { WhatIfReport } from './types';

const kindLabel: Record<string, string> = { queue: 'queue', assignedOnEntry: 'picked on entry' };

/** New tasks (estimated) and cancelled open tasks per rep or queue: a chart to see the spread, a table to read it. */
export function TasksPerRep({ report }: { report: WhatIfReport }) {
  const rows = repTaskRows(report);
  if (rows.length === 0) {
    return <Text size="sm" c="dimmed" py="sm">Nobody would get or lose tasks.</Text>;
  }
  const chart = chartRows(rows);
  return (
    <>
      <BarChart h={Math.max(140, chart.length * 34 + 60)} data={chart} dataKey="name" orientation="vertical" withLegend
        legendProps={{ verticalAlign: 'top' }} yAxisProps={{ width: 190 }} gridAxis="x" aria-hidden
        series={[{ name: 'New tasks', color: 'teal.6' }, { name: 'Cancelled tasks', color: 'red.4' }]} />
      <Table fz="sm" withTableBorder aria-label="Tasks per rep">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rep or queue</Table.Th>
            <Table.Th ta="right">New tasks, first {report.taskHorizonDays} days</Table.Th>
            <Table.Th ta="right">Open tasks cancelled</Table.Th>
            <Table.Th>New tasks from</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>
                <Text size="sm" span>{r.name}</Text>
                {kindLabel[r.kind] && <Badge size="xs" variant="outline" color="gray" ml={6} tt="none">{kindLabel[r.kind]}</Badge>}
              </Table.Td>
              <Table.Td ta="right" fw={600}>{r.created ? `≈ ${r.created.toLocaleString()}` : '—'}</Table.Td>
              <Table.Td ta="right">{r.cancelled ? r.cancelled.toLocaleString() : '—'}</Table.Td>
              <Table.Td><Text size="xs" c="dimmed">{r.from}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
