import { Group, Progress, Table, Text } from '@mantine/core';
import type { WhatIfReport } from './types';

/** The top tier's accounts per AE against each AE's capacity, over capacity in red. */
export function TopTierLoad({ report }: { report: WhatIfReport }) {
  if (report.topTierLoadPerRep.length === 0) {
    return <Text size="sm" c="dimmed" py="sm">No {report.topTier} account would have an AE.</Text>;
  }
  return (
    <Table fz="sm" withTableBorder aria-label={`${report.topTier} load per rep`}>
      <Table.Thead>
        <Table.Tr><Table.Th>AE</Table.Th><Table.Th w="50%">{report.topTier} accounts against capacity</Table.Th><Table.Th ta="right">Accounts</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.topTierLoadPerRep.map((r) => {
          const share = r.capacity > 0 ? Math.min(100, (r.accounts / r.capacity) * 100) : 100;
          return (
            <Table.Tr key={r.repId}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Progress value={share} color={r.overCapacity ? 'red' : share > 85 ? 'yellow' : 'teal'} size="lg" radius="sm"
                  aria-label={`${r.name}: ${r.accounts} of ${r.capacity}`} />
              </Table.Td>
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Text size="sm" fw={600} c={r.overCapacity ? 'red.7' : undefined}>{r.accounts}</Text>
                  <Text size="sm" c="dimmed">/ {r.capacity}</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
