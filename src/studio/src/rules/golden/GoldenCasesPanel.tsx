import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPin, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage, refusedProblems } from '../../api/problem';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import type { RuleProblem } from '../ruleProblems';
import { useDebouncedDraft } from '../draft/ruleDraft';
import { GoldenCaseRow } from './GoldenCaseRow';
import { casesByFile, runSummary } from './goldenRows';
import { PinAccountDialog } from './PinAccountDialog';
import { useGoldenRun, useRemoveCaseFile } from './queries';

/** The golden cases of rules/tests/, run on the draft in the editor (or the live rules when nothing changed): each
 *  case passes or fails with expected versus actual; pin a real account as a new case; remove a pinned case's file. */
export function GoldenCasesPanel({ name }: { name: string | undefined }) {
  const debounced = useDebouncedDraft(name);
  const run = useGoldenRun(debounced);
  const [pinOpen, pinDialog] = useDisclosure(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const remove = useRemoveCaseFile();

  const onDraft = debounced !== null;
  const summary = run.data ? runSummary(run.data) : null;

  return (
    <Stack gap="sm" component="section" aria-label="Golden cases">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Group gap={6}>
            <Text fw={650}>Golden cases</Text>
            {summary && <Badge color={summary.ok ? 'teal' : 'red'} variant="light" aria-label={`Golden cases: ${summary.text}`}>{summary.text}</Badge>}
          </Group>
          <Text size="xs" c="dimmed">
            {onDraft ? <>On the <b>draft</b> of {debounced.name}.json (unpublished)</> : <>On the live rules {run.data ? <Text span ff="monospace" size="xs">{run.data.rulesVersion.slice(0, 12)}</Text> : null}</>}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap">
          <Button size="xs" variant="default" leftSection={<IconPlayerPlay size={14} />} loading={run.isFetching} onClick={() => void run.refetch()}>Run</Button>
          <Button size="xs" variant="light" leftSection={<IconPin size={14} />} onClick={pinDialog.open}>Pin an account</Button>
        </Group>
      </Group>
      <GoldenResults run={run} onRemove={setRemoving} />
      <PinAccountDialog opened={pinOpen} onClose={pinDialog.close} onPinned={(pinned) => notifications.show({
        color: 'teal', title: `Pinned as ${pinned.file}`, autoClose: pinned.note ? 12000 : 5000,
        message: `“${pinned.name}” passes on the live rules and now guards every publish.${pinned.note ? ` ${pinned.note}` : ''}`,
      })} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove the golden case file?" size="sm">
        <Stack gap="sm">
          <Text size="sm">{removing} is deleted from the rules folder; publishes no longer check its cases.</Text>
          {remove.error && <Alert color="red" role="alert">{errorMessage(remove.error)}</Alert>}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setRemoving(null)}>Keep it</Button>
            <Button color="red" loading={remove.isPending} onClick={() => removing && remove.mutate(removing, {
              onSuccess: () => { notifications.show({ message: `${removing} removed` }); setRemoving(null); },
            })}>Remove</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function GoldenResults({ run, onRemove }: { run: ReturnType<typeof useGoldenRun>; onRemove: (file: string) => void }) {
  if (run.isPending) return <LoadingState label="Running the golden cases" />;
  if (run.error) {
    let problems: RuleProblem[] = [];
    try { problems = refusedProblems<RuleProblem>(run.error); } catch { /* not a refusal: shown below */ }
    return problems.length
      ? <Alert color="yellow" title="The draft has problems, so the cases cannot run on it" role="alert">
          {problems.slice(0, 3).map((p, i) => <Text key={i} size="xs">{p.rule ? `${p.rule}: ` : ''}{p.message}</Text>)}
          <Text size="xs" c="dimmed" mt={4}>Fix them in the editor; the cases run again as you type.</Text>
        </Alert>
      : <ErrorState error={run.error} title="The golden cases did not run" onRetry={() => void run.refetch()} />;
  }
  const report = run.data;
  if (report.total === 0 && report.fileProblems.length === 0) {
    return <EmptyState title="No golden cases yet">Pin an account to keep its tier from changing by accident: every publish must keep its result.</EmptyState>;
  }
  return (
    <Stack gap="md" style={{ opacity: run.isPlaceholderData ? 0.6 : 1 }}>
      {report.fileProblems.map((p) => (
        <Alert key={p.file} color="red" title={`${p.file} cannot be read`} role="alert"><Text size="xs">{p.line ? `line ${p.line}: ` : ''}{p.message}</Text></Alert>
      ))}
      {casesByFile(report.cases).map((group) => (
        <Stack key={group.file} gap={6} component="section" aria-label={group.file}>
          <Text size="xs" c="dimmed" ff="monospace">{group.file}</Text>
          {group.cases.map((c) => (
            <GoldenCaseRow key={`${c.file}#${c.index}`} result={c}
              onRemove={c.pinned && group.cases.every((other) => other.pinned) ? () => onRemove(c.file) : undefined} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
