import { Badge, Button, Group, ScrollArea, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { listedOf, moversIn } from './movement';
import type { WhatIfReport } from './types';

const Rendered = 200;

/** The accounts that would move (those of the clicked cell, or all), with the rules that moved them and the
 *  playbooks they would enter and leave. The report lists the highest scores of each cell; counts stay exact. */
export function MoversTable({ report, cell, onClear }: {
  report: WhatIfReport;
  cell: { from: string; to: string } | null;
  onClear: () => void;
}) {
  const [query, setQuery] = useState('');
  const names = useMemo(() => new Map(report.playbooks.map((p) => [p.playbookId, p.name])), [report.playbooks]);
  const inCell = moversIn(report.movers, cell);
  const shown = query ? inCell.filter((m) => `${m.name} ${m.accountId}`.toLowerCase().includes(query.toLowerCase())) : inCell;
  const { listed, total, capped } = listedOf(report, cell, inCell.length);
  return (
    <Stack gap="xs" component="section" aria-label="Movers">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600} size="sm">{cell ? `From ${cell.from} to ${cell.to}` : 'Every mover'}</Text>
          <Text size="xs" c="dimmed">
            {capped ? `the ${listed.toLocaleString()} highest scores of ${total.toLocaleString()}` : `${total.toLocaleString()} account${total === 1 ? '' : 's'}`}
          </Text>
          {cell && <Button size="compact-xs" variant="subtle" onClick={onClear}>Show every mover</Button>}
        </Group>
        <TextInput size="xs" w={220} placeholder="Find an account" aria-label="Find a mover" leftSection={<IconSearch size={14} />}
          value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      </Group>
      {inCell.length === 0 ? <Text size="sm" c="dimmed" py="sm">Nobody would move: the draft gives every account the tier it has.</Text> : (
      <ScrollArea.Autosize mah={320} type="auto">
        <Table fz="xs" striped highlightOnHover stickyHeader aria-label="Accounts that would move">
          <Table.Thead>
            <Table.Tr><Table.Th>Account</Table.Th><Table.Th>Move</Table.Th><Table.Th ta="right">Score</Table.Th><Table.Th>Moved by (rules)</Table.Th><Table.Th>Playbooks</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.slice(0, Rendered).map((m) => (
              <Table.Tr key={m.accountId}>
                <Table.Td><Text size="xs" fw={600}>{m.name}</Text><Text size="xs" c="dimmed" ff="monospace">{m.accountId}</Text></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.from ?? '—'} → <b>{m.to}</b></Table.Td>
                <Table.Td ta="right">
                  {/* The reasons behind the score: long, so on demand. */}
                  <Tooltip multiline w={360} label={m.reasons.length ? m.reasons.join(' · ') : 'no rule scored'} withArrow>
                    <Text size="xs" td="underline" style={{ textDecorationStyle: 'dotted', cursor: 'help' }} tabIndex={0}>{m.composite.toFixed(1)}</Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  {m.rules.length > 0 ? m.rules.map((r) => <Badge key={r} size="xs" variant="light" color="grape" tt="none" mr={4}>{r}</Badge>)
                    : <Text size="xs" c="dimmed">score</Text>}
                </Table.Td>
                <Table.Td>
                  {m.enters.map((id) => <Text key={`in-${id}`} size="xs" c="teal.8">enters {names.get(id) ?? id}</Text>)}
                  {m.leaves.map((id) => <Text key={`out-${id}`} size="xs" c="red.8">leaves {names.get(id) ?? id}</Text>)}
                  {m.enters.length + m.leaves.length === 0 && <Text size="xs" c="dimmed">—</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {shown.length === 0 && <Text size="sm" c="dimmed" py="sm">No listed mover matches “{query}”.</Text>}
        {shown.length > Rendered && <Text size="xs" c="dimmed" py={4}>Showing {Rendered} of {shown.length.toLocaleString()} listed; find an account by name.</Text>}
      </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
