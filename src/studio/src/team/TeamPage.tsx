import { Box, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../api/problem';
import { EmptyState, ErrorState, LoadingState } from '../common/QueryStates';
import { dayWords } from './absence';
import { BulkReassignBar } from './BulkReassignBar';
import { OutOfOfficeDialog } from './OutOfOfficeDialog';
import { PeoplePanel } from './PeoplePanel';
import { useEndOutOfOffice, useMarkOutOfOffice, useReassignTasks, useTeamOverview, useTeamTasks } from './queries';
import { QueuesPanel } from './QueuesPanel';
import { noSelection, selectionReducer } from './selection';
import { TeamFilterBar } from './TeamFilterBar';
import { browserTimeZone, filtersFromSearch, noFilters, searchFromFilters, teamPageSize, type TeamFilters, withFilter } from './teamFilters';
import { TeamSummary } from './TeamSummary';
import { TeamTaskTable } from './TeamTaskTable';
import type { TeamMember } from './teamTypes';

/** The manager's team view: who is on the team and away, the queues, and the team's open tasks with filters and bulk reassign. */
export function TeamPage() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const setFilters = (next: TeamFilters) => setSearch(searchFromFilters(next));
  const onFilter = (change: Partial<TeamFilters>) => setFilters(withFilter(filters, change));
  const timeZone = useMemo(browserTimeZone, []);

  const overview = useTeamOverview(timeZone);
  const tasks = useTeamTasks(filters, timeZone);
  const [selection, select] = useReducer(selectionReducer, noSelection);
  const [away, setAway] = useState<TeamMember | null>(null);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const rows = tasks.data?.items ?? [];
  const visibleIds = rows.map((t) => t.id).join(',');
  // Rows that left the list (worked, moved, filtered out) leave the selection.
  useEffect(() => select({ type: 'prune', visible: visibleIds ? visibleIds.split(',') : [] }), [visibleIds]);

  const reassign = useReassignTasks();
  const markAway = useMarkOutOfOffice();
  const endAway = useEndOutOfOffice();
  const members = useMemo(() => new Map((overview.data?.members ?? []).map((m) => [m.id, m])), [overview.data]);
  const playbookNames = useMemo(() => new Map((overview.data?.playbooks ?? []).map((p) => [p.id, p.name])), [overview.data]);

  if (overview.isPending) return <LoadingState label="Loading your team" />;
  if (overview.error) return <ErrorState error={overview.error} title="Could not load the team" onRetry={() => void overview.refetch()} />;
  const team = overview.data;
  const manager = team.everyone ? null : team.members[0];

  return (
    <Stack p="lg" gap="md" maw={1480} w="100%" mx="auto">
      <div>
        <Title order={1} size="h2">Team</Title>
        <Text c="dimmed" size="sm">
          {team.everyone ? 'Every rep and queue' : `${manager?.name ?? 'Your'}'s team and the queues`}: who works on what, what is late, and who is away.
          {' '}“Due today” is today in {team.timeZone}.
        </Text>
      </div>
      <TeamSummary overview={team} filters={filters} onFilter={onFilter} />
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Stack gap="md" w={280} style={{ flexShrink: 0 }}>
          <PeoplePanel members={team.members} everyone={team.everyone} selectedRep={filters.rep}
            onShow={(rep) => onFilter({ rep, queue: null })} onMarkAway={(m) => { markAway.reset(); setAway(m); }}
            onBack={(m) => endAway.mutate(m.id, {
              onSuccess: (back) => notifications.show({ color: 'green', message: `${m.name} is back; ${back.resumed} paused task${back.resumed === 1 ? '' : 's'} returned to their inbox` }),
              onError: (error) => notifications.show({ color: 'red', title: `Could not end ${m.name}'s absence`, message: errorMessage(error) }),
            })} />
          <QueuesPanel queues={team.queues} selectedQueue={filters.queue} onShow={(queue) => onFilter({ queue, rep: null })} />
        </Stack>
        <Paper withBorder radius="lg" style={{ flex: 1, minWidth: 0, overflow: 'hidden' }} component="section" aria-label="Team tasks">
          <TeamFilterBar overview={team} filters={filters} total={tasks.data?.total ?? null} onFilter={onFilter} onClear={() => setFilters(noFilters)} />
          {selection.ids.length > 0 && (
            <BulkReassignBar count={selection.ids.length} members={team.members} queues={team.queues} busy={reassign.isPending} error={reassign.error}
              onClear={() => { reassign.reset(); select({ type: 'clear' }); }}
              onReassign={({ repId, queue, label }) => reassign.mutate({ taskIds: selection.ids, repId, queue }, {
                onSuccess: (result) => {
                  select({ type: 'clear' });
                  notifications.show({ color: 'green', message: `${result.count} task${result.count === 1 ? '' : 's'} reassigned to ${label}` });
                },
              })} />
          )}
          {tasks.isPending ? (
            <LoadingState label="Loading the team's tasks" />
          ) : tasks.error ? (
            <ErrorState error={tasks.error} title="Could not load the team's tasks" onRetry={() => void tasks.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyState title={search.toString() === '' ? 'No open tasks on the team' : 'No task matches these filters'}>
              {search.toString() === '' ? 'New tasks appear here as playbooks create them.' : 'Clear a filter to see more.'}
            </EmptyState>
          ) : (
            <Box style={{ opacity: tasks.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
              <TeamTaskTable tasks={rows} members={members} playbookNames={playbookNames} selection={selection} onSelect={select} now={now} />
              {tasks.data.total > teamPageSize && (
                <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                  <Text size="xs" c="dimmed">
                    {(filters.page - 1) * teamPageSize + 1}–{Math.min(filters.page * teamPageSize, tasks.data.total)} of {tasks.data.total}
                  </Text>
                  <Pagination size="sm" total={Math.ceil(tasks.data.total / teamPageSize)} value={filters.page}
                    onChange={(page) => setFilters({ ...filters, page })} aria-label="Pages" />
                </Group>
              )}
            </Box>
          )}
        </Paper>
      </Group>
      {away && (
        <OutOfOfficeDialog member={away} members={team.members} busy={markAway.isPending} error={markAway.error} onClose={() => setAway(null)}
          onSubmit={(absence) => markAway.mutate({ repId: away.id, ...absence }, {
            onSuccess: (result) => {
              notifications.show({
                color: 'green',
                message: `${away.name} is away, back on ${dayWords(absence.until)}; ${result.tasks} open task${result.tasks === 1 ? '' : 's'} ${absence.policy === 'pause' ? 'paused' : 'handed over'}`,
              });
              setAway(null);
            },
          })} />
      )}
    </Stack>
  );
}
