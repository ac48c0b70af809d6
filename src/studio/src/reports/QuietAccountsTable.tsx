import { Anchor, Badge, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { count, tierLabel } from './format';
import { csvHref, useQuietAccounts, useTierDistribution } from './queries';
import { quietChoices, quietLines, quietShown, type QuietDays } from './quiet';
import { ReportCard } from './ReportCard';

/** Accounts going dark: no signal from them and no task worked for them in the chosen days, quietest first. The best
 *  tier by default (the one a manager asks about first); any tier of the live rules on request. */
export function QuietAccountsTable() {
  const tiers = useTierDistribution().data?.map((row) => row.tier) ?? [];
  const [chosenTier, setTier] = useState<string | null>(null);
  const tier = chosenTier ?? tiers[0];
  const [days, setDays] = useState<QuietDays>(14);
  const query = useQuietAccounts(tier, days);
  const name = tier ? tierLabel(tier) : 'Tier 1';
  return (
    <ReportCard title="Quiet accounts" description={`${name} accounts with no signal and no task worked in ${days} days, quietest first`}
      query={query} csv={csvHref('/api/reports/quiet-accounts', { tier, days: String(days) })} height={220}
      emptyTitle={`Every ${name} account was active in the last ${days} days`}
      emptyText="A signal from the account or a task worked for it within the span keeps it off this list."
      controls={
        <Group gap="xs" wrap="nowrap">
          <Select size="xs" w={110} aria-label="Tier" allowDeselect={false} value={tier ?? null} onChange={(value) => setTier(value)}
            data={tiers.map((t) => ({ value: t, label: tierLabel(t) }))} disabled={tiers.length === 0} />
          <SegmentedControl size="xs" radius="md" aria-label="Quiet for at least" value={String(days)}
            onChange={(value) => setDays(Number(value) as QuietDays)}
            data={quietChoices.map((d) => ({ value: String(d), label: `${d} days` }))} />
        </Group>
      }>
      {(rows) => {
        const lines = quietLines(rows, days);
        return (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs" highlightOnHover aria-label={`Quiet ${name} accounts`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Account</Table.Th>
                    <Table.Th>Owners</Table.Th>
                    <Table.Th>Quiet for</Table.Th>
                    <Table.Th>Last signal</Table.Th>
                    <Table.Th>Last task worked</Table.Th>
                    <Table.Th ta="right">Open tasks</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.slice(0, quietShown).map((line) => (
                    <Table.Tr key={line.id}>
                      <Table.Td><Anchor component={Link} to={`/accounts/${encodeURIComponent(line.id)}`} fw={600} size="sm">{line.name}</Anchor></Table.Td>
                      <Table.Td><Text size="sm" c={line.owners !== 'No owner' ? undefined : tier === tiers[0] ? 'red.7' : 'dimmed'}>{line.owners}</Text></Table.Td>
                      <Table.Td><Badge variant="light" color={line.color} tt="none">{line.quietFor}</Badge></Table.Td>
                      <Table.Td><Text size="sm" c="dimmed">{line.lastHeard}</Text></Table.Td>
                      <Table.Td><Text size="sm" c="dimmed">{line.lastTouched}</Text></Table.Td>
                      <Table.Td ta="right"><Text size="sm">{count(line.openTasks)}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {lines.length > quietShown && (
              <Text size="xs" c="dimmed">{`${count(lines.length - quietShown)} more in the CSV download.`}</Text>
            )}
          </>
        );
      }}
    </ReportCard>
  );
}
