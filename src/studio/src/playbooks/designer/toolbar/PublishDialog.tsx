import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../../../api/client';
import { ApiError, errorMessage } from '../../../api/problem';
import type { PlaybookDetail } from '../../../api/types';
import { LoadingState } from '../../../common/QueryStates';
import type { DesignerState } from '../useDesignerState';

/** Publishing saves unsaved work as a draft, then shows its impact (which version stays live for how many running
 *  instances, which accounts each trigger would enroll from now on) and is refused, with the server's reasons, when
 *  the draft has problems. */
export function PublishDialog({ detail, state, onClose }: { detail: PlaybookDetail; state: DesignerState; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<number | null>(state.dirty ? null : detail.latestDraft ?? null);
  const [saveError, setSaveError] = useState<unknown>(null);
  useEffect(() => {
    if (!state.dirty) return;
    state.save.mutateAsync(state.definition).then((saved) => setDraft(saved.version), setSaveError);
    // Save once, when the dialog opens.
  }, []);
  const impact = useQuery({
    queryKey: ['playbooks', detail.id, 'impact', draft],
    queryFn: () => call(api.GET('/api/playbooks/{id}/publish-impact', { params: { path: { id: detail.id }, query: { version: draft! } } })),
    enabled: draft != null,
  });
  const publish = useMutation({
    mutationFn: () => call(api.POST('/api/playbooks/{id}/publish', { params: { path: { id: detail.id }, query: { version: draft! } } })),
    onSuccess: (change) => {
      void queryClient.invalidateQueries({ queryKey: ['playbooks'] });
      notifications.show({ color: 'green', title: `Published v${change.version}`, message: 'Accounts that match its triggers from now on start on this version.' });
      onClose();
    },
  });
  const refused = publish.error instanceof ApiError ? publish.error.problem.problems ?? [] : [];
  const nothingNew = !state.dirty && detail.latestDraft == null;

  return (
    <Modal opened onClose={onClose} title={`Publish ${detail.name}`} size="lg">
      <Stack gap="sm">
        {nothingNew ? <Alert color="gray">There is no draft newer than the live version: change something first.</Alert>
          : saveError ? <Alert color="red" role="alert" title="Your changes could not be saved">{errorMessage(saveError)}</Alert>
          : draft == null ? <LoadingState label="Saving your changes as a draft" />
          : impact.isPending ? <LoadingState label="Working out what publishing changes" />
          : impact.error ? <Alert color="red" role="alert">{errorMessage(impact.error)}</Alert>
          : (
            <Stack gap="xs" aria-label="Impact of publishing">
              <Text size="sm">Publishing draft <b>v{impact.data.version}</b>{impact.data.liveVersion != null ? ` replaces v${impact.data.liveVersion} for new accounts` : ' makes this playbook live'}.</Text>
              <Text size="sm" fw={600}>Running instances</Text>
              <List size="sm">
                {impact.data.running.length === 0 ? <List.Item>None are running now.</List.Item> : impact.data.running.map((r) => (
                  <List.Item key={r.version}>{r.instances.toLocaleString()} stay on v{r.version} until they finish</List.Item>
                ))}
              </List>
              <Text size="xs" c="dimmed">{impact.data.runningNote}</Text>
              <Text size="sm" fw={600}>Who would enroll</Text>
              <List size="sm">
                {impact.data.triggers.length === 0 ? <List.Item>No trigger: nobody enrolls on their own.</List.Item> : impact.data.triggers.map((t) => (
                  <List.Item key={t.index}>
                    <Text size="sm"><b>{t.trigger}</b>: {t.eligible != null ? `${t.eligible.toLocaleString()} account${t.eligible === 1 ? '' : 's'} could enroll. ` : ''}{t.meaning}</Text>
                    {t.sample.length > 0 && <Text size="xs" c="dimmed">e.g. {t.sample.slice(0, 5).map((a) => a.name).join(', ')}{t.sample.length > 5 ? ' …' : ''}</Text>}
                  </List.Item>
                ))}
              </List>
              <Text size="xs" c="dimmed">{impact.data.note}</Text>
              {impact.data.problems.length > 0 && (
                <Alert color="red" title="This draft has problems and cannot be published" role="alert">
                  <List size="xs">{impact.data.problems.map((p, i) => <List.Item key={i}>{p.text}</List.Item>)}</List>
                  <Anchor size="xs" component="button" onClick={onClose}>Back to the canvas to fix them</Anchor>
                </Alert>
              )}
            </Stack>
          )}
        {publish.error && (
          <Alert color="red" title="Not published" role="alert">
            <Text size="sm">{errorMessage(publish.error)}</Text>
            {refused.length > 0 && <List size="xs">{refused.map((p, i) => <List.Item key={i}>{p.text ?? p.message}</List.Item>)}</List>}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => publish.mutate()} loading={publish.isPending}
            disabled={draft == null || !impact.data || (impact.data.problems.length > 0)}>Publish now</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
