import { Badge, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconBrandLinkedin, IconCalendarEvent, IconChecklist, IconMail, IconPhone, IconSearch, IconUserCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { TaskView } from '../api/types';
import { dateTime } from '../common/time';
import { slaWords } from './slaWords';

const channelIcons: Record<string, typeof IconMail> = {
  email: IconMail, call: IconPhone, linkedin: IconBrandLinkedin, research: IconSearch, meeting: IconCalendarEvent, review: IconUserCheck,
};

export function ChannelIcon({ channel, size = 14 }: { channel: string; size?: number }) {
  const Icon = channelIcons[channel.toLowerCase()] ?? IconChecklist;
  return <Icon size={size} aria-hidden />;
}

/** Tier 1 stands out, lower tiers fade; the ruleset names the tiers, so only the number is read. */
export function tierColor(tier: string | null): string {
  const n = Number(/\d+/.exec(tier ?? '')?.[0]);
  return n === 1 ? 'violet' : n === 2 ? 'blue' : n === 3 ? 'teal' : 'gray';
}

export function TierBadge({ tier }: { tier: string | null }) {
  return <Badge size="sm" variant="light" color={tierColor(tier)}>{tier ?? 'unscored'}</Badge>;
}

export function SlaBadge({ task, now }: { task: TaskView; now: Date }) {
  const sla = slaWords(task, now);
  return (
    <Tooltip label={`${task.slaDueAt ? 'SLA due' : 'Due'} ${dateTime(task.slaDueAt ?? task.dueAt)}`}>
      <Badge size="sm" variant={sla.color === 'gray' ? 'outline' : 'light'} color={sla.color} style={{ flexShrink: 0 }}>
        <span aria-hidden>{sla.text}</span><span className="visually-hidden">{sla.label}</span>
      </Badge>
    </Tooltip>
  );
}

/** The open tasks in the server's order. The cursor row (j/k) has focus; the open task is marked current. */
export function TaskList({ tasks, cursorId, openId, now, onOpen }: {
  tasks: TaskView[]; cursorId: string | null; openId: string | null; now: Date; onOpen: (id: string) => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!cursorId) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(cursorId)}"]`);
    // Only move focus when it is already in the list or nowhere, never out of the note field or a dialog.
    const active = document.activeElement;
    if (row && (!active || active === document.body || list.current?.contains(active))) row.focus();
    row?.scrollIntoView({ block: 'nearest' });
  }, [cursorId]);

  return (
    <ul ref={list} aria-label="Tasks" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {tasks.map((task) => {
        const open = task.id === openId;
        const cursor = task.id === cursorId;
        return (
          <li key={task.id}>
            <UnstyledButton data-task-id={task.id} onClick={() => onOpen(task.id)} aria-current={open ? 'true' : undefined}
              aria-label={`${task.title} — ${task.accountName} · ${task.tier ?? 'unscored'} · ${task.channel} · ${slaWords(task, now).label}`} w="100%" px="md" py="sm"
              bg={open ? 'indigo.0' : cursor ? 'gray.0' : undefined}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', borderLeft: `3px solid ${open ? 'var(--mantine-color-indigo-6)' : cursor ? 'var(--mantine-color-gray-4)' : 'transparent'}` }}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={600} lineClamp={1}>{task.title}</Text>
                  <SlaBadge task={task} now={now} />
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <TierBadge tier={task.tier} />
                  <Text size="xs" c="dimmed" lineClamp={1}>{task.accountName}</Text>
                  <Group gap={4} wrap="nowrap" c="dimmed" ml="auto">
                    <ChannelIcon channel={task.channel} />
                    <Text size="xs">{task.channel}</Text>
                  </Group>
                </Group>
              </Stack>
            </UnstyledButton>
          </li>
        );
      })}
    </ul>
  );
}
