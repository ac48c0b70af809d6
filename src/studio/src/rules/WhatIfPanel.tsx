import { Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { WhatIfReport } from './queries';

/** What the draft would do to every account, writing nothing: the tier movement matrix (a cell lists its movers),
 *  and the top tier's load per rep against capacity. */
export function WhatIfPanel({ report, onClose }: { report: WhatIfReport; onClose: () => void }) {
  const tiers = Object.keys(report.tierCounts);
  const from = [...new Set([...Object.keys(report.movement), ...tiers])];
  const [cell, setCell] = useState<{ from: string; to: string } | null>(null);
  const movers = report.movers.filter((m) => !cell || ((m.from ?? 'none') === cell.from && m.to === cell.to));
  return (
    <Modal opened onClose={onClose} size="xl" title={`What if: ${report.accounts.toLocaleString()} accounts, ${report.moversTotal.toLocaleString()} would move`}>
      <Stack gap="sm">
        <Table withTableBorder withColumnBorders aria-label="Tier movement: from (rows) to (columns)" fz="sm">
          <Table.Thead>
            <Table.Tr><Table.Th>from \ to</Table.Th>{tiers.map((t) => <Table.Th key={t}>{t}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {from.map((f) => (
              <Table.Tr key={f}>
                <Table.Th>{f}</Table.Th>
                {tiers.map((t) => {
                  const n = report.movement[f]?.[t] ?? 0;
                  return (
                    <Table.Td key={t} ta="right" bg={f !== t && n > 0 ? 'yellow.0' : undefined}>
                      {f !== t && n > 0 ? <Button size="compact-xs" variant="subtle" onClick={() => setCell({ from: f, to: t })}
                        aria-label={`${n} from ${f} to ${t}: show them`}>{n.toLocaleString()}</Button> : n.toLocaleString()}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group gap="xs">
          <Text size="sm" fw={600}>{cell ? `Moving from ${cell.from} to ${cell.to}` : 'Movers'}</Text>
          {cell && <Button size="compact-xs" variant="subtle" onClick={() => setCell(null)}>show all</Button>}
        </Group>
        <ScrollArea h={200} type="auto">
          {movers.length === 0 ? <Text size="sm" c="dimmed">Nobody.</Text> : movers.map((m) => (
            <Text key={m.accountId} size="xs"><b>{m.name}</b> {m.from ?? '—'} → {m.to} (score {m.composite.toFixed(0)}){m.rules.length ? ` · ${m.rules.join(', ')}` : ''}</Text>
          ))}
        </ScrollArea>
        {report.topTierLoadPerRep.length > 0 && (
          <Group gap={6}>
            <Text size="sm" fw={600}>{report.topTier} load:</Text>
            {report.topTierLoadPerRep.map((r) => (
              <Badge key={r.repId} color={r.overCapacity ? 'red' : 'gray'} variant="light" tt="none">{r.name} {r.accounts}/{r.capacity}</Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
