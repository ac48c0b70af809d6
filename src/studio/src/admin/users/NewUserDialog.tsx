import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { errorMessage } from '../../api/problem';
import type { Rep, UserRole } from '../adminTypes';
import { fieldErrors } from '../fieldErrors';
import { useCreateUser } from '../queries';
import { roleOptions } from './roles';

interface Values {
  email: string;
  name: string;
  role: UserRole;
  repId: string | null;
  password: string;
  issueToken: boolean;
}

const fields = ['email', 'name', 'role', 'repId', 'password', 'issueToken'] as const;

/** A new user: who they are, their role (and rep record for reps and managers), a password for the Studio and/or a
 *  first API token. The server's field errors show at their fields; a new token is handed to onCreated to show once. */
export function NewUserDialog({ reps, onClose, onCreated }: {
  reps: Rep[];
  onClose: () => void;
  onCreated: (user: { name: string; token: string | null }) => void;
}) {
  const create = useCreateUser();
  const form = useForm<Values>({
    initialValues: { email: '', name: '', role: 'Rep', repId: null, password: '', issueToken: false },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : 'Enter an email address'),
      name: (v) => (v.trim() ? null : 'Enter a name'),
      password: (v, values) => (v && v.length < 12 ? 'At least 12 characters'
        : !v && !values.issueToken ? 'Give a password, or create an API token below' : null),
    },
  });
  const { fields: serverFields, other } = fieldErrors(create.error, fields);
  useEffect(() => {
    if (Object.keys(serverFields).length > 0) form.setErrors(serverFields);
    // Only when a new answer arrives (the form object changes on every render).
  }, [create.error]);
  const needsRep = form.values.role === 'Rep' || form.values.role === 'Manager';

  const submit = form.onSubmit((values) => create.mutate({
    email: values.email.trim(), name: values.name.trim(), role: values.role, repId: needsRep ? values.repId : null,
    password: values.password || null, issueToken: values.issueToken,
  }, { onSuccess: (created) => onCreated({ name: created.user.name, token: created.token ?? null }) }));

  return (
    <Modal opened onClose={onClose} title="New user" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput label="Email" required autoComplete="off" {...form.getInputProps('email')} data-autofocus />
            <TextInput label="Name" required {...form.getInputProps('name')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select label="Role" data={roleOptions} allowDeselect={false} {...form.getInputProps('role')}
              description="What they may open and change" />
            {needsRep && (
              <Select label="Works as rep" placeholder="Choose their rep record" searchable clearable
                data={reps.map((r) => ({ value: r.id, label: `${r.name} (${r.role}${r.team ? `, ${r.team}` : ''})` }))}
                description={form.values.role === 'Manager' ? 'Their team: the reps who report to this record' : 'Their own tasks and accounts'}
                {...form.getInputProps('repId')} />
            )}
          </SimpleGrid>
          <PasswordInput label="Password" description="For signing in to the Studio; at least 12 characters. Leave empty for an API-only user."
            autoComplete="new-password" {...form.getInputProps('password')} />
          <Checkbox label="Also create an API token (shown once, next)" {...form.getInputProps('issueToken', { type: 'checkbox' })} />
          {create.error != null && Object.keys(serverFields).length === 0 && (
            <Alert color="red" variant="light" role="alert" title="Not created">{errorMessage(create.error)}</Alert>
          )}
          {other.length > 0 && <Alert color="red" variant="light" role="alert" title="Not created">{other.join(' — ')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create user</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
