import { Alert, Badge, Group, Loader, Paper, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { AccountPicker } from '../../accounts/AccountPicker';
import { errorMessage } from '../../api/problem';
import { Markdown } from '../../tasks/Markdown';
import type { TemplateProblem } from '../templateProblems';
import { SignalPicker } from './SignalPicker';
import type { PreviewResult, PreviewTarget } from './useTemplatePreview';

export type PreviewMode = 'draft' | 'live';

/** The task as its rep would see it, for a chosen account and signal: rendered from the editor's text or from the
 *  live version (the choice appears once they differ: `mode` null means they are the same); problems listed with
 *  their place, each a button that puts the cursor there. */
export function PreviewPanel({ target, onTarget, mode, onMode, result, onGoTo }: {
  target: PreviewTarget;
  onTarget: (target: PreviewTarget) => void;
  mode: PreviewMode | null;
  onMode: (mode: PreviewMode) => void;
  result: { data?: PreviewResult; isPending: boolean; isFetching: boolean; error: unknown };
  onGoTo: (problem: TemplateProblem) => void;
}) {
  const problems = result.data?.problems ?? [];
  const task = result.data?.task;
  return (
    <Stack gap="sm" h="100%">
      <AccountPicker label="Preview for account" value={target.accountId} onChange={(accountId) => onTarget({ accountId, signalId: null })} />
      <SignalPicker accountId={target.accountId} value={target.signalId} onChange={(signalId) => onTarget({ ...target, signalId })} />
      <Group justify="space-between" gap="xs" mih={30}>
        {mode ? (
          <SegmentedControl size="xs" value={mode} onChange={(m) => onMode(m as PreviewMode)} aria-label="Render"
            data={[{ value: 'draft', label: 'Text in the editor' }, { value: 'live', label: 'Live version' }]} />
        ) : <Text size="xs" c="dimmed">The live version, as new tasks get it</Text>}
        {result.isFetching && <Loader size={14} aria-label="Rendering" />}
      </Group>
      {!target.accountId ? (
        <Text size="sm" c="dimmed">Choose an account to see the task as its rep would.</Text>
      ) : result.isPending ? (
        <Loader size="sm" aria-label="Rendering" />
      ) : result.error ? (
        <Alert color="red" role="alert" icon={<IconAlertCircle size={16} />}>{errorMessage(result.error)}</Alert>
      ) : problems.length > 0 ? (
        <Alert color="red" role="alert" icon={<IconAlertCircle size={16} />}
          title={`${problems.length} problem${problems.length > 1 ? 's' : ''}: ${mode === 'live' ? 'the live version does not render' : 'this text would not be saved'}`}>
          <Stack gap={4}>
            {problems.map((p, i) => (
              <UnstyledButton key={i} onClick={() => onGoTo(p)} disabled={p.line == null} aria-label={`${where(p)}: ${p.message}`}>
                <Text size="xs"><Text span fw={650} size="xs" ff="monospace">{where(p)}</Text> · {p.message}</Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Alert>
      ) : task ? (
        <Paper withBorder radius="md" p="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }} aria-label="Rendered task" component="article">
          <Group justify="space-between" wrap="nowrap" align="flex-start" mb={6}>
            <Text fw={650}>{task.title}</Text>
            <Badge size="xs" variant="light" color={task.draft ? 'yellow' : 'teal'} style={{ flexShrink: 0 }}>{task.draft ? 'editor text' : 'live'}</Badge>
          </Group>
          <Markdown source={task.body} />
        </Paper>
      ) : null}
    </Stack>
  );
}

function where(p: TemplateProblem): string {
  return p.line == null ? p.file : `line ${p.line}${p.column == null ? '' : `:${p.column}`}`;
}
