import { Avatar, Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconBeach, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { dateTime } from '../../common/time';
import type { Rep } from '../adminTypes';
import { useReps } from '../queries';
import { RepDrawer } from './RepDrawer';
import { workingWeekWords } from './repForm';

/** Reps and teams: each team with its manager and reps, territories, Tier 1 capacity, time zone and working week. */
export function RepsPage() {
  const reps = useReps();
  const [editing, setEditing] = useState<{ rep: Rep | null } | null>(null);
  const teams = groupByTeam(reps.data ?? []);

  return (
    <Stack gap="md" component="section" aria-label="Reps and teams">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">Who takes which accounts: assignment reads territories, capacity and pairs; due dates and SLAs use each rep's working week.</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ rep: null })}>New rep</Button>
      </Group>
      {reps.isPending ? <Paper withBorder radius="lg"><LoadingState label="Loading reps" /></Paper>
        : reps.error ? <ErrorState error={reps.error} title="Could not load the reps" onRetry={() => void reps.refetch()} />
        : teams.length === 0 ? <Paper withBorder radius="lg"><EmptyState title="No reps yet">Add the first rep, or import a file with the CLI.</EmptyState></Paper>
        : teams.map(([team, members]) => (
          <TeamCard key={team ?? ''} team={team} members={members} all={reps.data} onEdit={(rep) => setEditing({ rep })} />
        ))}
      {editing && <RepDrawer rep={editing.rep} reps={reps.data ?? []} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function groupByTeam(reps: Rep[]): [string | null, Rep[]][] {
  const teams = new Map<string | null, Rep[]>();
  for (const rep of reps) teams.set(rep.team ?? null, [...(teams.get(rep.team ?? null) ?? []), rep]);
  const order = (r: Rep) => (r.role === 'Manager' ? 0 : 1);
  return [...teams.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([team, members]) => [team, members.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name))]);
}

function TeamCard({ team, members, all, onEdit }: { team: string | null; members: Rep[]; all: Rep[]; onEdit: (rep: Rep) => void }) {
  const managers = [...new Set(members.map((m) => m.managerId).filter(Boolean))].map((id) => all.find((r) => r.id === id)?.name ?? id);
  const capacity = members.reduce((sum, m) => sum + (m.role === 'Manager' ? 0 : m.tier1Capacity), 0);
  const label = team ? `${team} team` : 'No team';
  return (
    <Paper withBorder radius="lg" component="section" aria-label={label}>
      <Group justify="space-between" px="md" pt="md" pb="xs">
        <Group gap="sm">
          <Title order={2} size="h4">{label}</Title>
          <Text size="sm" c="dimmed">{members.length} rep{members.length === 1 ? '' : 's'}{managers.length > 0 ? ` · managed by ${managers.join(', ')}` : ''}</Text>
        </Group>
        <Text size="sm" c="dimmed">Tier 1 capacity {capacity}</Text>
      </Group>
      <Table.ScrollContainer minWidth={960}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={`Reps of ${label}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rep</Table.Th>
              <Table.Th w={110}>Role</Table.Th>
              <Table.Th>Territories</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>Tier 1 capacity</Table.Th>
              <Table.Th>Time zone</Table.Th>
              <Table.Th>Works</Table.Th>
              <Table.Th w={90}><span className="visually-hidden">Actions</span></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((rep) => (
              <Table.Tr key={rep.id} data-rep-id={rep.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar size={30} radius="xl" color={rep.role === 'Manager' ? 'violet' : 'indigo'}>{rep.name.slice(0, 1)}</Avatar>
                    <div>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>{rep.name}</Text>
                        {rep.outOfOfficeUntil && new Date(rep.outOfOfficeUntil) > new Date() && (
                          <Tooltip label={`Away until ${dateTime(rep.outOfOfficeUntil)}`}><IconBeach size={14} color="var(--mantine-color-orange-6)" aria-label="away" /></Tooltip>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">{rep.email}</Text>
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td><Badge variant="light" color={rep.role === 'Manager' ? 'violet' : 'blue'} style={{ overflow: 'visible' }} maw="none">{rep.role}</Badge></Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {rep.territories.length === 0 ? <Text size="xs" c="dimmed">—</Text>
                      : rep.territories.map((t) => <Badge key={t} size="sm" variant="outline" color="gray" style={{ textTransform: 'none' }}>{t}</Badge>)}
                  </Group>
                </Table.Td>
                <Table.Td ta="right"><Text size="sm">{rep.role === 'Manager' && rep.tier1Capacity === 0 ? '—' : rep.tier1Capacity}</Text></Table.Td>
                <Table.Td>
                  <Text size="sm">{rep.timeZone}</Text>
                  <Text size="xs" c="dimmed">{localTime(rep.timeZone)} there now</Text>
                </Table.Td>
                <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{workingWeekWords(rep.workingDays)}</Text></Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => onEdit(rep)}
                    aria-label={`Edit ${rep.name}`}>Edit</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function localTime(timeZone: string): string {
  try {
    return new Date().toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  } catch {
    return '?';
  }
}
