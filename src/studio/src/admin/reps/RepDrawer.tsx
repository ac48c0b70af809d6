import { Alert, Autocomplete, Button, Chip, Drawer, Group, Input, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../../api/problem';
import type { Rep } from '../adminTypes';
import { fieldErrors } from '../fieldErrors';
import { useRemoveRep, useSaveRep } from '../queries';
import { formFromRep, inputFromForm, repFormFields, type RepFormValues, timeZones, weekdays } from './repForm';

const roles = [
  { value: 'AE', label: 'AE — account executive' },
  { value: 'SDR', label: 'SDR — sales development' },
  { value: 'Marketing', label: 'Marketing' },
  { value: 'Manager', label: 'Manager' },
];

/** Adds or changes a rep: team, manager, territories, Tier 1 capacity, time zone and working days. The server checks
 *  every field and its messages show at the field; a change someone else saved first is refused, not overwritten. */
export function RepDrawer({ rep, reps, onClose }: { rep: Rep | null; reps: Rep[]; onClose: () => void }) {
  const save = useSaveRep();
  const remove = useRemoveRep();
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', []);
  const form = useForm<RepFormValues>({
    initialValues: formFromRep(rep, { timeZone: browserZone }),
    validate: {
      name: (v) => (v.trim() ? null : 'Enter a name'),
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : 'Enter an email address'),
      workingDays: (v) => (v.length > 0 ? null : 'Choose at least one working day'),
    },
  });
  const server = fieldErrors(save.error, repFormFields);
  useEffect(() => {
    if (Object.keys(server.fields).length > 0) form.setErrors(server.fields);
    // Only when a new answer arrives (the form object changes on every render).
  }, [save.error]);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const teams = [...new Set(reps.map((r) => r.team).filter((t): t is string => !!t))].sort();
  const managers = reps.filter((r) => r.role === 'Manager' && r.id !== rep?.id).map((r) => ({ value: r.id, label: `${r.name}${r.team ? ` (${r.team})` : ''}` }));
  const pairs = reps.filter((r) => r.id !== rep?.id && r.role !== 'Manager').map((r) => ({ value: r.id, label: `${r.name} (${r.role})` }));
  const zones = useMemo(() => timeZones(form.values.timeZone), [form.values.timeZone]);
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  const submit = form.onSubmit((values) => save.mutate({ existing: rep !== null, input: inputFromForm(values, rep) }, {
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: `${saved.name} saved` });
      onClose();
    },
  }));

  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={rep ? `Edit ${rep.name}` : 'New rep'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput label="Name" required {...form.getInputProps('name')} data-autofocus />
            <Select label="Role" data={roles} allowDeselect={false} {...form.getInputProps('role')} />
          </SimpleGrid>
          <TextInput label="Email" required {...form.getInputProps('email')} />
          {!rep && <TextInput label="Id" description="Leave empty to make one from the email (rep-jane-doe)" {...form.getInputProps('id')} />}
          <SimpleGrid cols={2}>
            <Autocomplete label="Team" data={teams} placeholder="East" description="Round-robin pools and territories by team"
              {...form.getInputProps('team')} />
            <Select label="Manager" data={managers} clearable searchable placeholder="Nobody" description="Gets their escalations; covers their absences"
              {...form.getInputProps('managerId')} />
          </SimpleGrid>
          <Select label="Works in a pair with" data={pairs} clearable searchable placeholder="Nobody"
            description="The AE + SDR pair that takes Tier 1 accounts together" {...form.getInputProps('pairRepId')} />
          <TagsInput label="Territories" description="Territory names from the assignment settings (DACH, UK&I, …); Enter adds one"
            placeholder="Add a territory" clearable {...form.getInputProps('territories')} />
          <SimpleGrid cols={2}>
            <NumberInput label="Tier 1 capacity" description="Tier 1 accounts they can carry" min={0} max={1000} {...form.getInputProps('tier1Capacity')} />
            <NumberInput label="Round-robin weight" description="0: never picked by round-robin" min={0} max={100} {...form.getInputProps('assignmentWeight')} />
          </SimpleGrid>
          <Select label="Time zone" description="Due dates and SLAs count in their working hours, on their clock" searchable data={zones}
            allowDeselect={false} limit={50} {...form.getInputProps('timeZone')} />
          <Input.Wrapper label="Working days" error={form.errors.workingDays}>
            <Chip.Group multiple value={form.values.workingDays} onChange={(days) => form.setFieldValue('workingDays', days)}>
              <Group gap={6} mt={6} role="group" aria-label="Working days">
                {weekdays.map((d) => <Chip key={d.value} value={d.value} size="sm">{d.label}</Chip>)}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
          {conflict && (
            <Alert color="orange" variant="light" role="alert" title="Someone else changed this rep">
              {errorMessage(save.error)} Close this panel and open the rep again to see their change.
            </Alert>
          )}
          {save.error != null && !conflict && Object.keys(server.fields).length === 0 && (
            <Alert color="red" variant="light" role="alert" title="Not saved">{errorMessage(save.error)}</Alert>
          )}
          {server.other.length > 0 && <Alert color="red" variant="light" role="alert" title="Not saved">{server.other.join(' — ')}</Alert>}
          <Group justify="space-between">
            {rep ? (
              confirmRemove ? (
                <Group gap="xs">
                  <Text size="sm">Remove {rep.name}?</Text>
                  <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(rep.id, {
                    onSuccess: () => { notifications.show({ message: `${rep.name} removed` }); onClose(); },
                  })}>Remove</Button>
                  <Button size="xs" variant="default" onClick={() => { setConfirmRemove(false); remove.reset(); }}>Keep</Button>
                </Group>
              ) : <Button variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirmRemove(true)}>Remove rep</Button>
            ) : <span />}
            <Group>
              <Button variant="default" onClick={onClose}>Cancel</Button>
              <Button type="submit" loading={save.isPending}>{rep ? 'Save changes' : 'Add rep'}</Button>
            </Group>
          </Group>
          {remove.error != null && <Alert color="red" variant="light" role="alert" title="Not removed">{errorMessage(remove.error)}</Alert>}
        </Stack>
      </form>
    </Drawer>
  );
}
