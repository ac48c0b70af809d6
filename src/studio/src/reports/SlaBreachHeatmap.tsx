import { Box, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { percent } from './format';
import { heatLevel, heatmapRows, type HeatmapRow, heatShades, maxBreaches, weekdays } from './heatmap';
import { csvHref, useSlaBreaches } from './queries';
import type { ReportRange } from './range';
import { ReportCard } from './ReportCard';

type View = 'heatmap' | 'table';

/** Where SLAs get missed: breaches per playbook step and weekday (the assignee's own), as a shaded grid with the
 *  numbers in it, or as a plain table. */
export function SlaBreachHeatmap({ range }: { range: ReportRange }) {
  const [view, setView] = useState<View>('heatmap');
  const query = useSlaBreaches(range);
  return (
    <ReportCard title="SLA breaches by step and weekday" description="Missed SLAs per playbook step, on the assignee's weekday"
      query={query} csv={csvHref('/api/reports/sla-breaches', { from: range.from, to: range.to })}
      emptyTitle="No SLA came due in this range" emptyText="Steps with an SLA appear here once their deadlines pass."
      controls={
        <SegmentedControl size="xs" value={view} onChange={(v) => setView(v as View)} aria-label="Show breaches as"
          data={[{ value: 'heatmap', label: 'Heatmap' }, { value: 'table', label: 'Table' }]} />
      }>
      {(cells) => {
        const rows = heatmapRows(cells);
        return view === 'heatmap' ? <HeatGrid rows={rows} /> : <BreachTable rows={rows} />;
      }}
    </ReportCard>
  );
}

function HeatGrid({ rows }: { rows: HeatmapRow[] }) {
  const max = maxBreaches(rows);
  return (
    <>
      <Box style={{ overflowX: 'auto' }}>
        <Table aria-label="SLA breaches per step and weekday" withRowBorders={false} verticalSpacing={3} horizontalSpacing={3}
          style={{ borderCollapse: 'separate', borderSpacing: 3, minWidth: 520 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th><Text size="xs" c="dimmed" fw={500}>Step</Text></Table.Th>
              {weekdays.map((day) => (
                <Table.Th key={day} ta="center" w={52}><abbr title={day} style={{ textDecoration: 'none' }}><Text size="xs" c="dimmed" fw={500}>{day.slice(0, 3)}</Text></abbr></Table.Th>
              ))}
              <Table.Th ta="right"><Text size="xs" c="dimmed" fw={500}>Breached</Text></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw="normal" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600} ff="monospace">{row.step}</Text>
                  <Text size="xs" c="dimmed" maw={220} truncate="end">{row.playbook}</Text>
                </Table.Th>
                {row.cells.map((cell) => {
                  const level = heatLevel(cell.breached, max);
                  return (
                    <Table.Td key={cell.weekday} ta="center" data-level={level}
                      title={`${row.step} on ${cell.weekday}: ${cell.breached} of ${cell.due} breached${cell.due ? ` (${percent(cell.percent)})` : ''}`}
                      style={{ background: heatShades[level], borderRadius: 6, height: 40, color: level >= 3 ? 'white' : undefined }}>
                      <Text size="sm" fw={cell.breached > 0 ? 700 : 400} c={cell.due === 0 ? 'gray.4' : undefined} inherit={level >= 3}>
                        {cell.due === 0 ? '·' : cell.breached}
                      </Text>
                      <span className="visually-hidden">{cell.due === 0 ? 'nothing due' : `breached of ${cell.due} due`}</span>
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600}>{row.total.breached}<Text span size="xs" c="dimmed" fw={400}> / {row.total.due}</Text></Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Group gap={6} justify="flex-end" aria-hidden>
        <Text size="xs" c="dimmed">Fewer breaches</Text>
        {heatShades.map((shade) => <Box key={shade} w={18} h={12} style={{ background: shade, borderRadius: 3, border: '1px solid var(--mantine-color-gray-2)' }} />)}
        <Text size="xs" c="dimmed">More</Text>
      </Group>
    </>
  );
}

function BreachTable({ rows }: { rows: HeatmapRow[] }) {
  const lines = rows.flatMap((row) => row.cells.filter((c) => c.due > 0).map((cell) => ({ row, cell })));
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table aria-label="SLA breaches as a table" striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr><Table.Th>Step</Table.Th><Table.Th>Playbook</Table.Th><Table.Th>Weekday</Table.Th><Table.Th ta="right">Due</Table.Th><Table.Th ta="right">Breached</Table.Th><Table.Th ta="right">Share</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map(({ row, cell }) => (
            <Table.Tr key={`${row.key}/${cell.weekday}`}>
              <Table.Td ff="monospace">{row.step}</Table.Td>
              <Table.Td>{row.playbook}</Table.Td>
              <Table.Td>{cell.weekday}</Table.Td>
              <Table.Td ta="right">{cell.due}</Table.Td>
              <Table.Td ta="right">{cell.breached}</Table.Td>
              <Table.Td ta="right">{percent(cell.percent)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
