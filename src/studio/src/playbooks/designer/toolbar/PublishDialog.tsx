import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import { ApiError, errorMessage } from '../../../api/problem';
import type { PlaybookDetail } from '../../../api/types';
import { useVersions } from '../../queries';
import type { DesignerState } from '../useDesignerState';

/** Publishing shows its impact first (what stays live for whom, what new accounts get) and is refused, with the
 *  server's reasons, when the playbook has problems. Unsaved changes are saved as a draft first. */
export function PublishDialog({ detail, state, onClose }: { detail: PlaybookDetail; state: DesignerState; onClose: () => void }) {
  const queryClient = useQueryClient();
  const versions = useVersions(detail.id);
  const publish = useMutation({
    mutationFn: async () => {
      const draft = state.dirty ? (await state.save.mutateAsync(state.definition)).version : detail.latestDraft ?? undefined;
      if (draft == null) throw new ApiError(409, { title: 'Nothing to publish', detail: 'There is no draft newer than the live version; change something first.' });
      return call(api.POST('/api/playbooks/{id}/publish', { params: { path: { id: detail.id }, query: { version: draft } } }));
    },
    onSuccess: (change) => {
      void queryClient.invalidateQueries({ queryKey: ['playbooks'] });
      notifications.show({ color: 'green', title: `Published v${change.version}`, message: 'New accounts start on this version now.' });
      onClose();
    },
  });
  const running = (versions.data ?? []).filter((v) => v.running > 0);
  const refused = publish.error instanceof ApiError ? publish.error.problem.problems ?? [] : [];
  const nothingNew = !state.dirty && detail.latestDraft == null;

  return (
    <Modal opened onClose={onClose} title={`Publish ${detail.name}`} size="lg">
      <Stack gap="sm">
        {versions.isPending ? <Loader size="sm" /> : versions.error ? <Alert color="red">{errorMessage(versions.error)}</Alert> : (
          <Stack gap={4}>
            <Text size="sm" fw={600}>What happens</Text>
            <List size="sm">
              <List.Item>Accounts that match the triggers from now on start on the new version.</List.Item>
              {running.length === 0 ? <List.Item>No account is running this playbook now.</List.Item> : running.map((v) => (
                <List.Item key={v.number}>{v.running.toLocaleString()} running instance{v.running === 1 ? '' : 's'} stay on v{v.number} until they finish.</List.Item>
              ))}
              {state.dirty && <List.Item>Your unsaved changes are saved as a new draft first.</List.Item>}
            </List>
          </Stack>
        )}
        {nothingNew && <Alert color="gray">There is no draft newer than the live version: change something first.</Alert>}
        {state.problems.length > 0 && (
          <Alert color="red" title="The playbook has problems and cannot be published" role="alert">
            <List size="xs">{state.problems.map((p, i) => <List.Item key={i}>{p.text}</List.Item>)}</List>
          </Alert>
        )}
        {publish.error && (
          <Alert color="red" title="Not published" role="alert">
            <Text size="sm">{errorMessage(publish.error)}</Text>
            {refused.length > 0 && <List size="xs">{refused.map((p, i) => <List.Item key={i}>{p.text ?? p.message}</List.Item>)}</List>}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => publish.mutate()} loading={publish.isPending} disabled={nothingNew || state.problems.length > 0}>Publish now</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
