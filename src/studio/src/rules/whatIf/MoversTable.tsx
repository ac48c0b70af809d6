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
      <ScrollArea.Autosize mah={320} type="auto">
        <Table fz="xs" striped highlightOnHover stickyHeader aria-label="Accounts that would move">
          <Table.Thead>
            <Table.Tr><Table.Th>Account</Table.Th><Table.Th>Move</Table.Th><Table.Th ta="right">Score</Table.Th><Table.Th>Moved by</Table.Th><Table.Th>Playbooks</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.slice(0, Rendered).map((m) => (
              <Table.Tr key={m.accountId}>
                <Table.Td><Text size="xs" fw={600}>{m.name}</Text><Text size="xs" c="dimmed" ff="monospace">{m.accountId}</Text></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.from ?? '—'} → <b>{m.to}</b></Table.Td>
                <Table.Td ta="right">{m.composite.toFixed(1)}</Table.Td>
                <Table.Td>
                  {m.rules.length > 0 ? m.rules.map((r) => <Badge key={r} size="xs" variant="light" color="grape" tt="none" mr={4}>{r}</Badge>)
                    : <Text size="xs" c="dimmed">score</Text>}
                  {m.reasons.length > 0 && (
                    <Tooltip multiline w={320} label={m.reasons.join(' · ')}>
                      <Text size="xs" c="dimmed" lineClamp={1} tabIndex={0}>{m.reasons.join(' · ')}</Text>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td>
                  {m.enters.map((id) => <Badge key={`in-${id}`} size="xs" color="teal" variant="light" tt="none" mr={4}>enters {names.get(id) ?? id}</Badge>)}
                  {m.leaves.map((id) => <Badge key={`out-${id}`} size="xs" color="red" variant="light" tt="none" mr={4}>leaves {names.get(id) ?? id}</Badge>)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {shown.length === 0 && <Text size="sm" c="dimmed" py="sm">{query ? 'No listed mover matches.' : 'Nobody would move.'}</Text>}
        {shown.length > Rendered && <Text size="xs" c="dimmed" py={4}>Showing {Rendered} of {shown.length.toLocaleString()} listed; find an account by name.</Text>}
      </ScrollArea.Autosize>
    </Stack>
  );
}
