import { Alert, Button, Group, List, Loader, Modal, Paper, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { IconCheck, IconChartArrows, IconCircleDashed, IconRocket, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api, call } from '../../api/client';
import { errorMessage, refusedProblems } from '../../api/problem';
import { problemText, type RuleProblem } from '../ruleProblems';
import type { WhatIfReport } from '../whatIf/types';
import { type CheckState, publishChecks, whatIfSummary } from './publishChecks';

export const MaxNoteLength = 1000;

type PublishResult = Awaited<ReturnType<typeof publishFile>>;

function publishFile(name: string, text: string, note: string) {
  return call(api.PUT('/api/rules/{name}', {
    params: { path: { name }, query: note.trim() ? { note: note.trim() } : {} },
    body: text as never,
    bodySerializer: (body: unknown) => body as string,
    headers: { 'Content-Type': 'text/plain' },
  }));
}

/** Publish one rule file with a note: what the server's check says now (rules, golden cases), what the last what-if
 *  said, the note kept with the version; a refusal lists its reasons here and the live version stays. */
export function PublishDialog({ name, text, problems, checking, whatIf, onRunWhatIf, onClose, onPublished }: {
  name: string;
  text: string;
  problems: RuleProblem[];
  checking: boolean;
  whatIf: { report: WhatIfReport; stale: boolean } | null;
  onRunWhatIf: () => void;
  onClose: () => void;
  onPublished: (result: PublishResult) => void;
}) {
  const [note, setNote] = useState('');
  const checks = publishChecks(problems, checking);
  const publish = useMutation({ mutationFn: () => publishFile(name, text, note), onSuccess: onPublished });
  const refused = publish.error ? refusals(publish.error) : [];
  return (
    <Modal opened onClose={onClose} size="lg" title={<Text fw={700}>Publish {name}.json</Text>}>
      <Stack gap="md">
        <Paper withBorder p="sm" radius="md" component="section" aria-label="Checks">
          <Stack gap={6}>
            <Check state={checks.rules.state} label="Rule files" problems={checks.rules.problems} />
            <Check state={checks.goldenCases.state} label="Golden cases (rules/tests)" problems={checks.goldenCases.problems} />
          </Stack>
        </Paper>
        <Paper withBorder p="sm" radius="md" component="section" aria-label="What-if summary">
          {whatIf ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>What-if{whatIf.stale ? ' (on an earlier draft)' : ''}</Text>
              <List size="sm" spacing={2}>{whatIfSummary(whatIf.report).map((line) => <List.Item key={line}>{line}</List.Item>)}</List>
              {whatIf.stale && <Button size="compact-xs" variant="subtle" w="fit-content" onClick={onRunWhatIf}>Run it on this draft</Button>}
            </Stack>
          ) : (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">No what-if for this draft yet: see what would move and the work it would create first.</Text>
              <Button size="xs" variant="light" leftSection={<IconChartArrows size={14} />} onClick={onRunWhatIf}>What if…</Button>
            </Group>
          )}
        </Paper>
        <Textarea label="Note" description="What this change is for; kept with the version and shown in the history" autosize minRows={2} maxRows={6}
          maxLength={MaxNoteLength} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus
          placeholder="e.g. Tier 1 from 70: Q4 capacity allows 60 more accounts" />
        {publish.error && (
          <Alert color="red" role="alert" title="Not published: the live version stays">
            {refused.length > 0 ? (
              <List size="xs" spacing={2}>
                {refused.map((p, i) => <List.Item key={i}>{p.file}{p.line ? `:${p.line}` : ''} {p.workflow ? `${p.workflow}${p.rule ? ` · ${p.rule}` : ''}: ` : ''}{problemText(p)}</List.Item>)}
              </List>
            ) : <Text size="sm">{errorMessage(publish.error)}</Text>}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">{note.length}/{MaxNoteLength}</Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button leftSection={<IconRocket size={16} />} loading={publish.isPending} onClick={() => publish.mutate()}>Publish</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

function refusals(error: unknown): RuleProblem[] {
  try {
    return refusedProblems<RuleProblem>(error);
  } catch {
    return [];
  }
}

const icons: Record<CheckState, { color: string; icon: ReactNode; words: string }> = {
  ok: { color: 'teal', icon: <IconCheck size={14} />, words: 'pass' },
  failed: { color: 'red', icon: <IconX size={14} />, words: 'fail' },
  'not run': { color: 'gray', icon: <IconCircleDashed size={14} />, words: 'not run: the rule files have problems' },
  checking: { color: 'blue', icon: <Loader size={10} color="white" />, words: 'checking…' },
};

function Check({ state, label, problems }: { state: CheckState; label: string; problems: RuleProblem[] }) {
  const look = icons[state];
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <ThemeIcon size={20} radius="xl" color={look.color}>{look.icon}</ThemeIcon>
        <Text size="sm" fw={600}>{label}</Text>
        <Text size="sm" c={state === 'failed' ? 'red.7' : 'dimmed'}>{state === 'failed' ? `${problems.length} problem${problems.length > 1 ? 's' : ''}` : look.words}</Text>
      </Group>
      {problems.slice(0, 5).map((p, i) => (
        <Text key={i} size="xs" c="red.8" pl={28}>{p.line ? `line ${p.line} · ` : ''}{p.rule ?? p.workflow ?? p.file}: {p.message}</Text>
      ))}
    </Stack>
  );
}
