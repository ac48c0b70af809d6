import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/problem';
import type { UserView } from '../adminTypes';
import { fieldErrors } from '../fieldErrors';
import { useIssueToken } from '../queries';

const lifetimes = [
  { value: '', label: 'Until revoked' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
];

/** Issues a token for a user (an integration acts as that user, with their role). The clear text goes to onIssued, once. */
export function NewTokenDialog({ users, userId, onClose, onIssued }: {
  users: UserView[];
  userId: string | null;
  onClose: () => void;
  onIssued: (issued: { token: string; owner: string }) => void;
}) {
  const issue = useIssueToken();
  const active = users.filter((u) => !u.disabledAt);
  const [owner, setOwner] = useState<string | null>(userId && active.some((u) => u.id === userId) ? userId : null);
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState('90');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrors(issue.error, ['userId', 'name', 'expiresInDays']);
  // A new answer from the server replaces the field errors.
  useEffect(() => setErrors(server.fields), [issue.error]);

  const submit = () => {
    const local: Record<string, string> = {};
    if (!owner) local.userId = 'Choose whose token it is';
    if (!name.trim()) local.name = 'Say what will use it, e.g. "CRM sync"';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    issue.mutate({ userId: owner!, name: name.trim(), expiresInDays: lifetime ? Number(lifetime) : null }, {
      onSuccess: (issued) => onIssued({ token: issued.token, owner: issued.details.userName }),
    });
  };

  return (
    <Modal opened onClose={onClose} title="New API token" centered>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack gap="md">
          <Select label="For user" description="The integration acts as this user, with their role" searchable required data-autofocus
            data={active.map((u) => ({ value: u.id, label: `${u.name} — ${u.email} (${u.role.toLowerCase()})` }))}
            value={owner} onChange={setOwner} error={errors.userId} />
          <TextInput label="Name" description="What uses it, so you know what breaks if you revoke it" required placeholder="CRM sync"
            value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={128} />
          <Select label="Expires" data={lifetimes} value={lifetime} onChange={(v) => setLifetime(v ?? '')} allowDeselect={false}
            error={errors.expiresInDays} />
          {issue.error != null && Object.keys(server.fields).length === 0 && (
            <Alert color="red" variant="light" role="alert" title="Not created">{errorMessage(issue.error)}</Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={issue.isPending}>Create token</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
