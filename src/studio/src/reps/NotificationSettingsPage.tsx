import { Alert, Button, Container, Group, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellRinging, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { ApiError, errorMessage } from '../api/problem';
import type { components } from '../api/schema';
import { useMe } from '../auth/useMe';
import { dateTime } from '../common/time';
import { EmptyState, ErrorState, LoadingState } from '../common/QueryStates';
import { addressField, digestHours } from './digestHours';

type Settings = components['schemas']['RepNotificationsView'];
type Input = components['schemas']['RepNotificationsInput'];

/** /settings/notifications — a rep chooses how they hear about their work outside the Studio: a daily digest at their
 *  hour and an instant message for a Tier 1 task due today, on a channel the admin offers reps. */
export function NotificationSettingsPage() {
  const me = useMe();
  const repId = me.data?.repId;
  const settings = useQuery({
    queryKey: ['reps', repId, 'notifications'],
    queryFn: () => call(api.GET('/api/reps/{id}/notifications', { params: { path: { id: repId! } } })),
    enabled: !!repId,
  });
  if (me.data && !repId) return <EmptyState title="No rep record">Your user is not linked to a rep, so there is nothing to send you.</EmptyState>;
  if (settings.isPending) return <LoadingState label="Loading your notification settings" />;
  if (settings.error) return <ErrorState error={settings.error} title="Could not load your notification settings" onRetry={() => void settings.refetch()} />;
  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">Notifications</Title>
          <Text c="dimmed" size="sm">Hear about your work where you are: a morning digest and the Tier 1 tasks that cannot wait.</Text>
        </div>
        <SettingsForm repId={repId!} stored={settings.data} />
      </Stack>
    </Container>
  );
}

function SettingsForm({ repId, stored }: { repId: string; stored: Settings }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Input>({ webhook: stored.webhook, address: stored.address, dailyDigest: stored.dailyDigest,
    digestHour: stored.digestHour, instantTier1: stored.instantTier1 });
  const set = (change: Partial<Input>) => setForm((f) => ({ ...f, ...change }));
  const save = useMutation({
    mutationFn: () => call(api.PUT('/api/reps/{id}/notifications', { params: { path: { id: repId } }, body: form })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['reps', repId, 'notifications'], saved);
      notifications.show({ color: 'green', message: saved.webhook ? `Saved: you hear from us on ${saved.webhook}` : 'Saved: nothing will be sent to you' });
    },
  });
  const test = useMutation({
    mutationFn: () => call(api.POST('/api/reps/{id}/notifications/test', { params: { path: { id: repId } } })),
    onSuccess: (queued) => notifications.show({ color: 'green', message: `Test message queued on ${queued.webhook}; it arrives within a minute.` }),
    onError: (error) => notifications.show({ color: 'red', title: 'No test sent', message: errorMessage(error) }),
  });
  const fieldError = (field: string) => save.error instanceof ApiError ? save.error.problem.errors?.[field]?.join('; ') : undefined;
  const channel = stored.channels.find((c) => c.name === form.webhook);
  const address = addressField(channel?.format);
  const off = !form.webhook;
  const changed = JSON.stringify(form) !== JSON.stringify({ webhook: stored.webhook, address: stored.address, dailyDigest: stored.dailyDigest,
    digestHour: stored.digestHour, instantTier1: stored.instantTier1 });

  return (
    <Paper withBorder radius="md" p="lg" component="form" aria-label="Notification settings"
      onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack gap="md">
        {stored.channels.length === 0 && (
          <Alert color="gray" icon={<IconBellRinging size={16} />} title="No channels yet">
            Your admin has not offered a Slack or e-mail channel to reps (Notifications:RepWebhooks); until then your work waits in the inbox.
          </Alert>
        )}
        <Select label="Channel" data={[{ value: '', label: 'Off — only the inbox' }, ...stored.channels.map((c) => ({
          value: c.name, label: `${c.name} (${c.format === 'slack' ? 'Slack' : 'e-mail relay'})` }))]}
          value={form.webhook ?? ''} onChange={(v) => set({ webhook: v || null })} allowDeselect={false} error={fieldError('webhook')}
          disabled={stored.channels.length === 0} />
        <TextInput label={address.label} placeholder={address.placeholder} description={address.description} disabled={off}
          value={form.address ?? ''} onChange={(e) => set({ address: e.currentTarget.value || null })} error={fieldError('address')} />
        <Group align="end" gap="lg">
          <Switch label="Daily digest" description="New tasks, due today and past SLA, once per working day" disabled={off}
            checked={form.dailyDigest} onChange={(e) => set({ dailyDigest: e.currentTarget.checked })} />
          <Select label="At (your time)" data={digestHours} w={120} disabled={off || !form.dailyDigest} allowDeselect={false}
            value={String(form.digestHour)} onChange={(v) => set({ digestHour: Number(v ?? 8) })} error={fieldError('digestHour')} />
        </Group>
        <Switch label="Tier 1 tasks due today, at once" description="A message the moment a playbook gives you one" disabled={off}
          checked={form.instantTier1} onChange={(e) => set({ instantTier1: e.currentTarget.checked })} />
        {stored.lastDigestOn && <Text size="xs" c="dimmed">Last digest: {dateTime(`${stored.lastDigestOn}T00:00:00`).split(',')[0]}</Text>}
        {save.error != null && !(save.error instanceof ApiError && save.error.problem.errors) && (
          <Alert color="red" role="alert" title="Not saved">{errorMessage(save.error)}</Alert>
        )}
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconSend size={16} />} loading={test.isPending} disabled={!stored.webhook || changed}
            onClick={() => test.mutate()} title={changed ? 'Save first' : undefined}>Send me a test</Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!changed}>Save</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
