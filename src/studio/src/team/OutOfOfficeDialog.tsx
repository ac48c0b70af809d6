import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/problem';
import { absenceRange, dateInputValue } from './absence';
import type { TeamMember } from './teamTypes';

/**
 * Marks a rep out of office. Their open tasks are either paused (hidden from their inbox until they are back, deadlines
 * unchanged) or handed over to someone else now; while they are away, new tasks go to their manager or the fallback queue.
 */
export function OutOfOfficeDialog({ member, members, busy, error, onSubmit, onClose }: {
  member: TeamMember;
  members: TeamMember[];
  busy: boolean;
  error: unknown;
  onSubmit: (absence: { from: string; until: string; policy: 'pause' | 'reassign'; to: string | null }) => void;
  onClose: () => void;
}) {
  const today = new Date();
  const [firstDay, setFirstDay] = useState(dateInputValue(today));
  const [backOn, setBackOn] = useState(() => dateInputValue(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 7)));
  const [policy, setPolicy] = useState<'pause' | 'reassign'>('pause');
  const others = members.filter((m) => m.id !== member.id && !m.outNow);
  const [to, setTo] = useState<string | null>(member.managerId && others.some((m) => m.id === member.managerId) ? member.managerId : others[0]?.id ?? null);
  const range = absenceRange(firstDay, backOn);
  const invalid = 'error' in range ? range : null;

  const submit = () => {
    if ('error' in range) return;
    onSubmit({ from: range.from, until: range.until, policy, to: policy === 'reassign' ? to : null });
  };
  const open = member.counts.open;

  return (
    <Modal opened onClose={onClose} title={`Mark ${member.name} out of office`} centered size="md">
      <Stack gap="md">
        <Group grow align="flex-start">
          <TextInput type="date" label="First day away" value={firstDay} onChange={(e) => setFirstDay(e.currentTarget.value)}
            error={invalid?.field === 'firstDay' ? invalid.error : undefined} />
          <TextInput type="date" label="Back on" value={backOn} onChange={(e) => setBackOn(e.currentTarget.value)}
            error={invalid?.field === 'backOn' ? invalid.error : undefined} />
        </Group>
        <Radio.Group label={`Their ${open} open task${open === 1 ? '' : 's'}`} value={policy} onChange={(v) => setPolicy(v as 'pause' | 'reassign')}>
          <Stack gap="xs" mt={6}>
            <Radio value="pause" label="Pause them" description="Hidden from their inbox until they are back; deadlines do not move." />
            <Radio value="reassign" label="Hand them over" description="Move them to someone else now." />
          </Stack>
        </Radio.Group>
        {policy === 'reassign' && (
          <Select label="Hand over to" data={others.map((m) => ({ value: m.id, label: `${m.name} (${m.role})` }))} value={to}
            onChange={setTo} allowDeselect={false} searchable
            description="Their open tasks move to this person now." />
        )}
        <Text size="xs" c="dimmed">While {member.name.split(' ')[0]} is away, new tasks for them go to their manager (or the fallback queue).</Text>
        {error != null && <Alert color="red" variant="light" role="alert" title="Not saved">{errorMessage(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={submit} loading={busy} disabled={!!invalid || (policy === 'reassign' && !to)}>Mark out of office</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
