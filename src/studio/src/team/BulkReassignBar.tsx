import { Alert, Button, CloseButton, Group, Select, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../api/problem';
import { assigneeOptions } from './assigneeOptions';
import { parseAssignee } from './teamFilters';
import type { TeamMember, TeamQueue } from './teamTypes';

/** Shown while tasks are selected: hand them all to one rep or queue. The server does all or none; a refusal names the task. */
export function BulkReassignBar({ count, members, queues, busy, error, onReassign, onClear }: {
  count: number;
  members: TeamMember[];
  queues: TeamQueue[];
  busy: boolean;
  error: unknown;
  onReassign: (target: { repId: string | null; queue: string | null; label: string }) => void;
  onClear: () => void;
}) {
  const [target, setTarget] = useState<string | null>(null);
  const options = assigneeOptions(members, queues, true);
  const label = options.flatMap((g) => g.items).find((o) => o.value === target)?.label ?? '';
  const submit = () => {
    if (!target) return;
    const { rep, queue } = parseAssignee(target);
    onReassign({ repId: rep, queue, label });
  };
  return (
    <div role="region" aria-label="Bulk actions">
      <Group gap="sm" px="md" py={8} bg="indigo.0" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-indigo-2)' }}>
        <Text size="sm" fw={600} c="indigo.9">{count} selected</Text>
        <Select aria-label="Reassign to" placeholder="Reassign to…" size="xs" w={240} searchable data={options} value={target}
          onChange={setTarget} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
        <Button size="xs" leftSection={<IconArrowsExchange size={14} />} disabled={!target} loading={busy} onClick={submit}>
          Reassign {count} task{count === 1 ? '' : 's'}
        </Button>
        <Text size="xs" c="dimmed" visibleFrom="md">All or none: if one of them cannot move, nothing changes.</Text>
        <CloseButton ml="auto" size="sm" aria-label="Clear the selection" onClick={onClear} />
      </Group>
      {error != null && (
        <Alert color="red" variant="light" radius={0} title="Nothing was reassigned" role="alert">{errorMessage(error)}</Alert>
      )}
    </div>
  );
}
