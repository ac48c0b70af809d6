import { Group, Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconBeach, IconCalendarDue, IconChecklist, IconStack2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { TeamFilters } from './teamFilters';
import type { TeamOverview } from './teamTypes';

/** The numbers a manager checks first; each one that is a filter sets it (and shows when it is on). */
export function TeamSummary({ overview, filters, onFilter }: {
  overview: TeamOverview;
  filters: TeamFilters;
  onFilter: (change: Partial<TeamFilters>) => void;
}) {
  const { counts, queued, membersOut } = overview.totals;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="section" aria-label="Team summary">
      <Stat label="Open tasks" value={counts.open} icon={<IconChecklist size={18} />} color="indigo" />
      <Stat label="SLA breached" value={counts.breached} icon={<IconAlertTriangle size={18} />} color="red"
        active={filters.breached} onClick={() => onFilter({ breached: !filters.breached })} />
      <Stat label="Due today" value={counts.dueToday} icon={<IconCalendarDue size={18} />} color="yellow"
        active={filters.dueToday} onClick={() => onFilter({ dueToday: !filters.dueToday })} />
      <Stat label="Escalations" value={counts.escalations} icon={<IconAlarm size={18} />} color="orange"
        active={filters.escalations} onClick={() => onFilter({ escalations: !filters.escalations })} />
      <Stat label="In queues" value={queued} icon={<IconStack2 size={18} />} color="grape" />
      <Stat label="Away now" value={membersOut} icon={<IconBeach size={18} />} color="teal" />
    </SimpleGrid>
  );
}

function Stat({ label, value, icon, color, active, onClick }: {
  label: string; value: number; icon: ReactNode; color: string; active?: boolean; onClick?: () => void;
}) {
  const body = (
    <Paper withBorder radius="md" px="md" py="sm" h="100%"
      style={{ borderColor: active ? `var(--mantine-color-${color}-5)` : undefined, background: active ? `var(--mantine-color-${color}-0)` : undefined }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>{label}</Text>
        <Text c={`${color}.6`} lh={0} aria-hidden>{icon}</Text>
      </Group>
      <Text fz={26} fw={700} lh={1.2} c={value > 0 && (color === 'red' || color === 'orange') ? `${color}.7` : undefined}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
  if (!onClick) return body;
  return (
    <UnstyledButton onClick={onClick} aria-pressed={active} aria-label={`${label}: ${value}${active ? ' (filter on)' : ' (show only these)'}`}>
      {body}
    </UnstyledButton>
  );
}
