import { Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconBrandLinkedin, IconCalendarEvent, IconChecklist, IconMail, IconPhone, IconSearch, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { TaskView } from '../../api/types';
import { dateTime, timeAgo } from '../../common/time';
import type { AccountOwners } from '../types';

const channelIcons: Record<string, typeof IconMail> = {
  email: IconMail, call: IconPhone, linkedin: IconBrandLinkedin, research: IconSearch, meeting: IconCalendarEvent, review: IconUserCheck,
};
const statusColor: Record<string, string> = { Open: 'blue', Done: 'green', Skipped: 'gray', Cancelled: 'gray' };
/** Finished tasks shown before "Show all": the open ones always show. */
const closedShown = 5;

/** The account's tasks the caller may see (a rep: their own): open ones first by deadline, then the rest, newest first. */
export function AccountTasksPanel({ tasks, owners, now = new Date() }: { tasks: TaskView[]; owners: AccountOwners; now?: Date }) {
  const open = tasks.filter((t) => t.status === 'Open').sort((a, b) => deadline(a).localeCompare(deadline(b)));
  const closed = tasks.filter((t) => t.status !== 'Open').sort((a, b) => (b.completedAt ?? b.createdAt).localeCompare(a.completedAt ?? a.createdAt));
  const [all, setAll] = useState(false);
  const shown = all ? closed : closed.slice(0, closedShown);
  return (
    <Paper component="section" aria-label="Tasks" withBorder radius="lg" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">Tasks</Title>
        {tasks.length > 0 && <Text size="sm" c="dimmed">{open.length} open · {closed.length} finished</Text>}
      </Group>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">No tasks you can see. Playbooks create them for the account's owners.</Text>
      ) : (
        <Stack gap={6}>
          {open.length === 0 && <Text size="sm" c="dimmed">Nothing open.</Text>}
          {[...open, ...shown].map((task) => <TaskLine key={task.id} task={task} owners={owners} now={now} />)}
          {closed.length > shown.length && (
            <Button variant="subtle" size="xs" onClick={() => setAll(true)} style={{ alignSelf: 'flex-start' }}>
              Show all {closed.length} finished tasks
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function deadline(task: TaskView): string {
  return task.slaDueAt ?? task.dueAt;
}

function TaskLine({ task, owners, now }: { task: TaskView; owners: AccountOwners; now: Date }) {
  const Icon = channelIcons[task.channel.toLowerCase()] ?? IconChecklist;
  const late = task.status === 'Open' && (task.slaBreached || new Date(deadline(task)) < now);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-1)' }} component="article"
      aria-label={`${task.title}, ${task.status}`}>
      <Icon size={18} style={{ marginTop: 2, flexShrink: 0, color: 'var(--mantine-color-gray-6)' }} aria-hidden />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={task.status === 'Open' ? 600 : 400} c={task.status === 'Open' ? undefined : 'dimmed'} lineClamp={2}>{task.title}</Text>
        <Text size="xs" c="dimmed">
          {assignee(task, owners)} · {task.status === 'Open'
            ? <Tooltip label={dateTime(deadline(task))}><span>{task.slaDueAt ? 'SLA' : 'due'} {timeAgo(deadline(task))}</span></Tooltip>
            : `${task.outcome ?? task.status} ${task.completedAt ? timeAgo(task.completedAt) : ''}`}
        </Text>
      </div>
      <Badge size="xs" variant="light" color={late ? 'red' : statusColor[task.status] ?? 'gray'} style={{ flexShrink: 0 }}>
        {late ? (task.slaBreached ? 'SLA breached' : 'Overdue') : task.status}
      </Badge>
    </Group>
  );
}

function assignee(task: TaskView, owners: AccountOwners): string {
  if (task.queue) return `queue ${task.queue}`;
  const owner = [owners.ae, owners.sdr].find((o) => o?.id === task.assigneeRepId);
  return owner?.name ?? task.assigneeRepId ?? task.assigneeRole;
}
