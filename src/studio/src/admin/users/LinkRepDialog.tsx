import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Rep, UserRole, UserView } from '../adminTypes';

/** Reps and managers work as a rep record (their tasks; a manager's team is the reps who report to it): choose it with the role. */
export function LinkRepDialog({ user, role, reps, busy, onSave, onClose }: {
  user: UserView;
  role: UserRole;
  reps: Rep[];
  busy: boolean;
  onSave: (repId: string | null) => void;
  onClose: () => void;
}) {
  const [repId, setRepId] = useState<string | null>(user.repId ?? null);
  return (
    <Modal opened onClose={onClose} title={`Make ${user.name} ${role === 'Manager' ? 'a manager' : 'a rep'}`} centered>
      <Stack gap="md">
        <Text size="sm">
          {role === 'Manager' ? 'A manager sees the tasks of the reps who report to their rep record.' : 'A rep sees the tasks of their rep record.'}
        </Text>
        <Select label="Works as rep" placeholder="Choose a rep record" searchable data={reps.map((r) => ({ value: r.id, label: `${r.name} (${r.role}${r.team ? `, ${r.team}` : ''})` }))}
          value={repId} onChange={setRepId} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button loading={busy} disabled={!repId} onClick={() => onSave(repId)}>Change role</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
