import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { errorMessage, refusedProblems } from '../../api/problem';
import { dateTime } from '../../common/time';
import { MaxNoteLength } from '../publish/PublishDialog';
import { type RuleVersion, ruleKeys, useRuleVersion } from '../queries';
import type { RuleProblem } from '../ruleProblems';
import { fileChanges } from './fileChanges';

/** Confirms a rollback (what it would change against the live version, with a note), runs it, and shows the answer:
 *  the version now live, or why today's validation and golden cases refuse it. */
export function RollbackDialog({ version, live, onClose }: { version: RuleVersion; live: string | undefined; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const target = useRuleVersion(version.id);
  const current = useRuleVersion(live ?? null);
  const changes = target.data && current.data ? fileChanges(current.data.files, target.data.files).filter((c) => c.status !== 'same') : null;
  const rollback = useMutation({
    mutationFn: () => call(api.POST('/api/rules/versions/{version}/rollback', {
      params: { path: { version: version.id }, query: note.trim() ? { note: note.trim() } : {} },
    })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ruleKeys.ruleset });
      void queryClient.invalidateQueries({ queryKey: ruleKeys.versions });
    },
    onSuccess: () => queryClient.removeQueries({ queryKey: ['rules', 'file'] }),
  });
  let refused: RuleProblem[] = [];
  try {
    refused = rollback.error ? refusedProblems<RuleProblem>(rollback.error) : [];
  } catch {
    refused = [];
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={700}>Roll back to {version.id.slice(0, 12)}</Text>} size="lg">
      {rollback.data ? (
        <Stack gap="md">
          <Alert color="green" role="status" title={rollback.data.unchanged ? 'Nothing changed' : `Ruleset ${rollback.data.version.slice(0, 12)} is live`}>
            {rollback.data.unchanged ? 'These rules are already the live ones.'
              : 'Its files are back in the rules folder and every account is being re-evaluated with them.'}
          </Alert>
          <Group justify="flex-end"><Button onClick={onClose}>Close</Button></Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            Publishes the files of version <b>{version.id.slice(0, 12)}</b> ({version.author}, {dateTime(version.createdAt)}) again. It must pass
            today's validation and golden cases; the rules folder is rewritten and every account is re-evaluated.
          </Text>
          {version.note && <Text size="sm" c="dimmed" fs="italic">“{version.note}”</Text>}
          {changes && (
            changes.length === 0 ? <Text size="sm" c="dimmed">Its files are the same as the live ones.</Text> : (
              <List size="sm" spacing={2} aria-label="What the rollback changes">
                {changes.map((c) => <List.Item key={c.name}>{c.name}: {c.status === 'changed' ? `+${c.added} −${c.removed} lines` : c.status}</List.Item>)}
              </List>
            )
          )}
          <Textarea label="Note" description="Why you roll back; kept with the version" autosize minRows={2} maxLength={MaxNoteLength}
            value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          {rollback.error && (
            <Alert color="red" role="alert" title="Not rolled back: the live version stays">
              {refused.length > 0 ? (
                <List size="xs" spacing={2}>{refused.map((p, i) => <List.Item key={i}>{p.file}: {p.rule ? `${p.rule}: ` : ''}{p.message}</List.Item>)}</List>
              ) : <Text size="sm">{errorMessage(rollback.error)}</Text>}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button color="orange" leftSection={<IconRestore size={16} />} loading={rollback.isPending} onClick={() => rollback.mutate()}>Roll back</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
