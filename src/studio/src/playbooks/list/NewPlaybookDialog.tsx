import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { errorMessage } from '../../api/problem';
import type { PlaybookSummary } from '../../api/types';
import { emptyPlaybook, type PlaybookDefinition } from '../model/definition';

function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64);
}

/** Creates a playbook as a first draft: empty (only Start), or a copy of an existing one. */
export function NewPlaybookDialog({ from, taken, onClose }: { from?: PlaybookSummary; taken: string[]; onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: from ? `${from.name} (copy)` : '', id: from ? `${from.id}-copy` : '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the playbook a name'),
      id: (v) => (!/^[A-Za-z0-9_-]{1,128}$/.test(v) ? 'Letters, digits, - and _ only' : taken.includes(v) ? `A playbook with the id ${v} exists already` : null),
    },
  });
  const create = useMutation({
    mutationFn: async ({ name, id }: { name: string; id: string }) => {
      let definition: PlaybookDefinition = emptyPlaybook(id, name);
      if (from) {
        const source = await call(api.GET('/api/playbooks/{id}', { params: { path: { id: from.id } } }));
        definition = { ...source.definition, id, name, version: 1 };
      }
      await call(api.PUT('/api/playbooks/{id}', { params: { path: { id } }, body: definition }));
      return id;
    },
    onSuccess: (id) => {
      void queryClient.invalidateQueries({ queryKey: ['playbooks'] });
      navigate(`/playbooks/${encodeURIComponent(id)}`);
    },
  });
  return (
    <Modal opened onClose={onClose} title={from ? `Duplicate ${from.name}` : 'New playbook'}>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
        <Stack gap="sm">
          <TextInput label="Name" data-autofocus placeholder="e.g. Tier 2 — webinar follow-up" {...form.getInputProps('name')}
            onChange={(e) => {
              const name = e.currentTarget.value;
              if (!form.isDirty('id') || form.values.id === slug(form.values.name)) form.setFieldValue('id', slug(name));
              form.setFieldValue('name', name);
            }} />
          <TextInput label="Id" description="Names the file in workflows/ and the playbook in the API" {...form.getInputProps('id')} />
          {create.error && <Alert color="red" role="alert">{errorMessage(create.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>{from ? 'Duplicate' : 'Create'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
