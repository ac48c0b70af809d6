import { ActionIcon, Avatar, Badge, Group, Menu, Paper, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconBeach, IconDots, IconDoorEnter, IconListSearch } from '@tabler/icons-react';
import { absenceWords } from './absence';
import type { TeamMember } from './teamTypes';

/** The team's people with their open work and absences; choosing one filters the table to their tasks. */
export function PeoplePanel({ members, selectedRep, onShow, onMarkAway, onBack, everyone }: {
  members: TeamMember[];
  selectedRep: string | null;
  onShow: (repId: string | null) => void;
  onMarkAway: (member: TeamMember) => void;
  onBack: (member: TeamMember) => void;
  everyone: boolean;
}) {
  return (
    <Paper withBorder radius="lg" component="section" aria-label="People">
      <Group justify="space-between" px="md" pt="md" pb="xs">
        <Title order={2} size="h5">{everyone ? 'All reps' : 'People'}</Title>
        <Text size="xs" c="dimmed">{members.length}</Text>
      </Group>
      {members.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">Nobody reports to you yet; ask an admin to set you as their manager.</Text>
      ) : (
        <Stack gap={0} pb="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {members.map((m) => <MemberRow key={m.id} member={m} selected={m.id === selectedRep} onShow={onShow} onMarkAway={onMarkAway} onBack={onBack} />)}
        </Stack>
      )}
    </Paper>
  );
}

function MemberRow({ member, selected, onShow, onMarkAway, onBack }: {
  member: TeamMember; selected: boolean; onShow: (repId: string | null) => void; onMarkAway: (m: TeamMember) => void; onBack: (m: TeamMember) => void;
}) {
  const away = absenceWords(member);
  const { open, breached, escalations, snoozed } = member.counts;
  return (
    <Group component="li" wrap="nowrap" gap={0} pr="xs" data-rep-id={member.id}
      bg={selected ? 'indigo.0' : undefined}
      style={{ borderLeft: `3px solid ${selected ? 'var(--mantine-color-indigo-6)' : 'transparent'}` }}>
      <UnstyledButton onClick={() => onShow(selected ? null : member.id)} px="md" py={8} style={{ flex: 1, minWidth: 0 }}
        aria-pressed={selected} aria-label={`${member.name}: ${open} open, ${breached} breached${away ? `, ${away.text}` : ''}`}>
        <Group gap="sm" wrap="nowrap">
          <Avatar size={34} radius="xl" color={member.outNow ? 'gray' : 'indigo'} variant={member.outNow ? 'outline' : 'light'}>
            {initials(member.name)}
          </Avatar>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={600} truncate>{member.name}</Text>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>{member.role} · {open} open</Text>
              {breached > 0 && <Text size="xs" c="red.7" fw={600} style={{ flexShrink: 0 }}>· {breached} breached</Text>}
              {escalations > 0 && <Text size="xs" c="orange.7" truncate>· {escalations} escalated</Text>}
              {snoozed > 0 && <Text size="xs" c="dimmed" truncate>· {snoozed} paused</Text>}
            </Group>
            {away && (
              <Badge mt={4} size="xs" variant="light" color={away.color} leftSection={<IconBeach size={10} />}>{away.text}</Badge>
            )}
          </div>
        </Group>
      </UnstyledButton>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Tooltip label="Absence and tasks" openDelay={400}>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.name}`}><IconDots size={16} /></ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconListSearch size={14} />} onClick={() => onShow(member.id)}>Show their tasks</Menu.Item>
          <Menu.Item leftSection={<IconBeach size={14} />} onClick={() => onMarkAway(member)}>
            {away ? 'Change absence…' : 'Mark out of office…'}
          </Menu.Item>
          {away && <Menu.Item leftSection={<IconDoorEnter size={14} />} onClick={() => onBack(member)}>Back in office now</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('');
}
