import { Badge, Box, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconAlarm, IconBeach, IconStack2 } from '@tabler/icons-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import type { TaskView } from '../api/types';
import { dateTime } from '../common/time';
import { ChannelIcon, SlaBadge, TierBadge } from '../tasks/TaskList';
import { headerState, type Selection, type SelectionAction } from './selection';
import type { TeamMember } from './teamTypes';

/**
 * The team's open tasks with a checkbox each. Keyboard: ↑/↓ (or k/j) move between rows, Space (or x) selects the row,
 * Shift with it selects the range from the last one, Escape clears the selection. Shift-click does ranges too.
 */
export function TeamTaskTable({ tasks, members, playbookNames, selection, onSelect, now }: {
  tasks: TaskView[];
  members: Map<string, TeamMember>;
  playbookNames: Map<string, string>;
  selection: Selection;
  onSelect: (action: SelectionAction) => void;
  now: Date;
}) {
  const ids = tasks.map((t) => t.id);
  const [cursor, setCursor] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const header = headerState(selection, ids);

  const focusRow = (id: string) => {
    setCursor(id);
    body.current?.querySelector<HTMLElement>(`tr[data-task-id="${CSS.escape(id)}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-task-id]');
    const id = row?.dataset.taskId;
    if (!id) return;
    const index = ids.indexOf(id);
    const key = event.key;
    if ((key === 'ArrowDown' || key === 'j') && index < ids.length - 1) focusRow(ids[index + 1]!);
    else if ((key === 'ArrowUp' || key === 'k') && index > 0) focusRow(ids[index - 1]!);
    else if ((key === ' ' || key === 'x' || key === 'X') && event.target === row) onSelect({ type: 'toggle', id, range: event.shiftKey, visible: ids });
    else if (key === 'Escape') onSelect({ type: 'clear' });
    else return;
    event.preventDefault();
  };

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing={8} horizontalSpacing="md" highlightOnHover aria-label="Team tasks" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox aria-label="Select every task on this page" checked={header === 'all'} indeterminate={header === 'some'}
                onChange={() => onSelect({ type: 'all', visible: ids })} />
            </Table.Th>
            <Table.Th>Task</Table.Th>
            <Table.Th w={160}>Assignee</Table.Th>
            <Table.Th w={180}>Playbook</Table.Th>
            <Table.Th w={150}>Deadline</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={body} onKeyDown={onKeyDown}>
          {tasks.map((task) => {
            const selected = selection.ids.includes(task.id);
            const focusable = (cursor && ids.includes(cursor) ? cursor : ids[0]) === task.id;
            return (
              <Table.Tr key={task.id} data-task-id={task.id} tabIndex={focusable ? 0 : -1} onFocus={() => setCursor(task.id)}
                bg={selected ? 'indigo.0' : undefined} aria-label={`${task.title} — ${task.accountName}`}>
                <Table.Td>
                  <Checkbox aria-label={`Select ${task.title}`} checked={selected} tabIndex={-1}
                    onChange={() => undefined}
                    onClick={(event) => onSelect({ type: 'toggle', id: task.id, range: event.shiftKey, visible: ids })} />
                </Table.Td>
                <Table.Td style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} lineClamp={1} title={task.title}>{task.title}</Text>
                  <Group gap={6} wrap="nowrap" mt={2}>
                    <Box style={{ flexShrink: 0 }}><TierBadge tier={task.tier} /></Box>
                    <Text size="xs" c="dimmed" truncate>{task.accountName}</Text>
                    <Group gap={3} c="dimmed" wrap="nowrap" style={{ flexShrink: 0 }}><ChannelIcon channel={task.channel} size={12} /><Text size="xs">{task.channel}</Text></Group>
                    {task.kind === 'Escalation' && (
                      <Badge size="xs" color="orange" variant="light" leftSection={<IconAlarm size={10} />} style={{ flexShrink: 0 }}>escalation</Badge>
                    )}
                    {task.snoozedUntil && new Date(task.snoozedUntil) > now && (
                      <Tooltip label={`Hidden from the inbox until ${dateTime(task.snoozedUntil)}`}>
                        <Badge size="xs" color="gray" variant="outline">paused</Badge>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td><Assignee task={task} members={members} /></Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>{task.playbookId ? playbookNames.get(task.playbookId) ?? task.playbookId : '—'}</Text>
                  {task.nodeId && <Text size="xs" c="dimmed" ff="monospace" lineClamp={1}>{task.nodeId}</Text>}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><SlaBadge task={task} now={now} /></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Assignee({ task, members }: { task: TaskView; members: Map<string, TeamMember> }) {
  if (task.queue) {
    return <Badge variant="light" color="grape" leftSection={<IconStack2 size={12} />} style={{ textTransform: 'none' }}>{task.queue}</Badge>;
  }
  const member = task.assigneeRepId ? members.get(task.assigneeRepId) : undefined;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" truncate>{member?.name ?? task.assigneeRepId ?? '—'}</Text>
      {member?.outNow && <Tooltip label="Away now"><IconBeach size={14} color="var(--mantine-color-orange-6)" aria-label="away" /></Tooltip>}
    </Group>
  );
}
