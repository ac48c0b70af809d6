import { Alert, Button, Divider, Group, Menu, Paper, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlarmSnooze, IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../api/problem';
import type { TaskView } from '../api/types';
import { useMe } from '../auth/useMe';
import { dateTime } from '../common/time';
import { Markdown } from './Markdown';
import { snoozePresets } from './snoozePresets';
import { ChannelIcon, SlaBadge, TierBadge } from './TaskList';
import { WhyThisTask } from './WhyThisTask';

export interface TaskActions {
  note: string;
  onNote: (note: string) => void;
  onComplete: (outcome: string) => void;
  completing: boolean;
  completeError: unknown;
  snoozeOpen: boolean;
  onSnoozeOpen: (open: boolean) => void;
  onSnooze: (until: Date) => void;
  snoozing: boolean;
  snoozeError: unknown;
}

/** The open task: what to do (its rendered body), then the outcome, a note, Complete, and Snooze. */
export function TaskDetail({ task, now, actions }: { task: TaskView; now: Date; actions: TaskActions }) {
  const [outcome, setOutcome] = useState('Done');
  const me = useMe();
  // Managers and admins see their team's tasks and the queues here, so whose task it is matters; a rep's are their own.
  const showAssignee = !!me.data && task.assigneeRepId !== me.data.repId;
  return (
    <Stack gap={0} h="100%" component="section" aria-label={`Task: ${task.title}`}>
      <Stack gap={6} p="md">
        <Title order={2} size="h4">{task.title}</Title>
        <Group gap="xs">
          <TierBadge tier={task.tier} />
          <Text size="sm" fw={500}>{task.accountName}</Text>
          {task.score != null && <Text size="xs" c="dimmed">score {Math.round(task.score)}</Text>}
          <Group gap={4} c="dimmed"><ChannelIcon channel={task.channel} /><Text size="xs">{task.channel}</Text></Group>
          <SlaBadge task={task} now={now} />
          <Text size="xs" c="dimmed">due {dateTime(task.dueAt)}</Text>
        </Group>
        {showAssignee && (
          <Text size="xs" c="dimmed">Assigned to {task.assigneeRepId ?? `the ${task.queue ?? 'unassigned'} queue`} ({task.assigneeRole})</Text>
        )}
        {task.snoozedUntil && <Text size="xs" c="dimmed">Snoozed until {dateTime(task.snoozedUntil)}</Text>}
      </Stack>
      <Divider />
      <ScrollArea style={{ flex: 1 }} p="md" aria-label="What to do">
        <Paper bg="gray.0" radius="md" p="sm" mb="md"><WhyThisTask taskId={task.id} /></Paper>
        {task.body.trim() ? <Markdown source={task.body} /> : <Text size="sm" c="dimmed">This task has no description.</Text>}
      </ScrollArea>
      <Divider />
      <Stack gap="sm" p="md" component="form" aria-label="Complete the task"
        onSubmit={(e) => { e.preventDefault(); actions.onComplete(outcome); }}>
        <Group gap="xs" role="group" aria-label="Outcome">
          {task.outcomes.map((o) => (
            <Button key={o} size="xs" variant={o === outcome ? 'filled' : 'default'} aria-pressed={o === outcome} onClick={() => setOutcome(o)}
              color={o === 'Skipped' ? 'gray' : undefined}>
              {o}
            </Button>
          ))}
        </Group>
        <Textarea label="Note" placeholder="What happened (optional)" rows={3}
          value={actions.note} onChange={(e) => actions.onNote(e.currentTarget.value)} />
        {actions.completeError != null && (
          <Alert color="red" role="alert" title="Could not complete the task">{errorMessage(actions.completeError)}</Alert>
        )}
        {actions.snoozeError != null && (
          <Alert color="red" role="alert" title="Could not snooze the task">{errorMessage(actions.snoozeError)}</Alert>
        )}
        <Group justify="space-between">
          <Menu opened={actions.snoozeOpen} onChange={actions.onSnoozeOpen} position="top-start">
            <Menu.Target>
              <Button variant="default" leftSection={<IconAlarmSnooze size={16} />} rightSection={<IconChevronDown size={14} />} loading={actions.snoozing}>
                Snooze
              </Button>
            </Menu.Target>
            <Menu.Dropdown aria-label="Snooze until">
              <Menu.Label>Hide until…</Menu.Label>
              {snoozePresets(now).map((p) => (
                <Menu.Item key={p.label} onClick={() => actions.onSnooze(p.until)}>
                  {p.label} <Text span size="xs" c="dimmed">({dateTime(p.until.toISOString())})</Text>
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button type="submit" leftSection={<IconCheck size={16} />} loading={actions.completing}>Complete as {outcome}</Button>
        </Group>
      </Stack>
    </Stack>
  );
}

export function NoTaskOpen() {
  return (
    <Paper p="xl" m="md" withBorder radius="md" bg="gray.0">
      <Text size="sm" c="dimmed" ta="center">Choose a task on the left, or press <b>Enter</b> to open the highlighted one.</Text>
    </Paper>
  );
}
