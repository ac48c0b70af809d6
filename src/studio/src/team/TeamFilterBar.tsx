import { Button, Chip, Group, Select, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { assigneeOptions } from './assigneeOptions';
import { activeFilterCount, assigneeValue, parseAssignee, type TeamFilters } from './teamFilters';
import type { TeamOverview } from './teamTypes';

/** The filters of the team's tasks; each change goes into the address (see teamFilters). */
export function TeamFilterBar({ overview, filters, total, onFilter, onClear }: {
  overview: TeamOverview;
  filters: TeamFilters;
  total: number | null;
  onFilter: (change: Partial<TeamFilters>) => void;
  onClear: () => void;
}) {
  const playbooks = overview.playbooks.map((p) => ({ value: p.id, label: `${p.name} (${p.open})` }));
  // A filter from a link may name a playbook with no open tasks: still show it as chosen.
  if (filters.playbook && !playbooks.some((p) => p.value === filters.playbook)) playbooks.push({ value: filters.playbook, label: filters.playbook });
  return (
    <Group gap="sm" px="md" py="sm" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} role="search" aria-label="Filter tasks">
      <Select aria-label="Assignee" placeholder="Anyone" size="xs" w={180} clearable searchable
        data={assigneeOptions(overview.members, overview.queues)} value={assigneeValue(filters)}
        onChange={(value) => onFilter(parseAssignee(value))} />
      <Select aria-label="Playbook" placeholder="Any playbook" size="xs" w={200} clearable searchable
        data={playbooks} value={filters.playbook} onChange={(playbook) => onFilter({ playbook })} />
      <Chip size="xs" color="red" checked={filters.breached} onChange={(breached) => onFilter({ breached })}>SLA breached</Chip>
      <Chip size="xs" color="yellow" checked={filters.dueToday} onChange={(dueToday) => onFilter({ dueToday })}>Due today</Chip>
      <Chip size="xs" color="orange" checked={filters.escalations} onChange={(escalations) => onFilter({ escalations })}>Escalations</Chip>
      {activeFilterCount(filters) > 0 && (
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconFilterOff size={14} />} onClick={onClear}>Clear filters</Button>
      )}
      {total !== null && <Text size="xs" c="dimmed" ml="auto" aria-live="polite">{total.toLocaleString()} task{total === 1 ? '' : 's'}</Text>}
    </Group>
  );
}
