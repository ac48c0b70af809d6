import { Badge, Table, Text, Tooltip } from '@mantine/core';
import { playbookRows } from './consequences';
import type { WhatIfReport } from './types';

/** Which published playbooks accounts would enter and leave, the open tasks the exits cancel, and the tasks the entries
 *  would create in the first days (with the steps they come from). */
export function PlaybookConsequences({ report }: { report: WhatIfReport }) {
  const rows = playbookRows(report.playbooks);
  if (rows.length === 0) {
    return <Text size="sm" c="dimmed" py="sm">No account would enter or leave a playbook.</Text>;
  }
  return (
    <Table fz="sm" withTableBorder aria-label="Playbooks accounts would enter and leave">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Playbook</Table.Th>
          <Table.Th ta="right">Enter</Table.Th>
          <Table.Th ta="right">Leave</Table.Th>
          <Table.Th ta="right">Open tasks cancelled</Table.Th>
          <Table.Th ta="right">New tasks, first {report.taskHorizonDays} days</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.playbookId}>
            <Table.Td>
              <Text size="sm" fw={600}>{p.name}</Text>
              {p.steps.length > 0 && (
                <Text size="xs" c="dimmed">each: {p.steps.map((s) => `${s.nodeId} (${s.channel}, ${s.assignee})${s.tasks > 1 ? ` ×${s.tasks}` : ''}`).join(' · ')}</Text>
              )}
              {p.estimateNote && <Text size="xs" c="orange.8">{p.estimateNote}</Text>}
            </Table.Td>
            <Table.Td ta="right">{p.entering > 0 ? <Badge color="teal" variant="light">+{p.entering.toLocaleString()}</Badge> : '—'}</Table.Td>
            <Table.Td ta="right">{p.leaving > 0 ? <Badge color="red" variant="light">−{p.leaving.toLocaleString()}</Badge> : '—'}</Table.Td>
            <Table.Td ta="right">{p.openTasksCancelled > 0 ? p.openTasksCancelled.toLocaleString() : '—'}</Table.Td>
            <Table.Td ta="right">
              {p.entering === 0 ? '—' : p.tasksPerEntry == null ? <Text size="sm" c="dimmed">not estimated</Text> : (
                <Tooltip label={`${p.tasksPerEntry} per account × ${p.entering.toLocaleString()} accounts (simulated for ${p.sampleAccountName ?? p.sampleAccountId})`}>
                  <Text size="sm" fw={600} tabIndex={0}>≈ {p.tasksCreated.toLocaleString()}</Text>
                </Tooltip>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
