import { Anchor, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { dateTime, timeAgo } from '../../common/time';
import type { AccountPlaybookRun } from '../types';

const statusColor: Record<string, string> = { Waiting: 'teal', Finished: 'gray', Cancelled: 'orange', Faulted: 'red' };
const waitWords: Record<string, string> = { task: 'a task', timer: 'a timer', signal: 'a signal', retry: 'a retry' };

/** The playbooks that ran or run for the account, running ones first, each with the step it waits at. */
export function PlaybookRunsPanel({ runs, canOpen }: { runs: AccountPlaybookRun[]; canOpen: boolean }) {
  const ordered = [...runs].sort((a, b) => Number(b.status === 'Waiting') - Number(a.status === 'Waiting'));
  return (
    <Paper component="section" aria-label="Playbook runs" withBorder radius="lg" p="lg">
      <Title order={2} size="h4" mb="sm">Playbooks</Title>
      {ordered.length === 0 ? (
        <Text size="sm" c="dimmed">No playbook has run for this account. Playbooks start when it enters a tier or sends a signal they listen for.</Text>
      ) : (
        <Stack gap="sm">
          {ordered.map((run) => <Run key={run.instanceId} run={run} canOpen={canOpen} />)}
        </Stack>
      )}
    </Paper>
  );
}

function Run({ run, canOpen }: { run: AccountPlaybookRun; canOpen: boolean }) {
  const name = run.playbookName ?? run.playbookId;
  const to = `/playbooks/${encodeURIComponent(run.playbookId)}/instances/${encodeURIComponent(run.instanceId)}`;
  return (
    <Paper withBorder radius="md" p="sm" bg={run.status === 'Waiting' ? undefined : 'gray.0'} aria-label={`${name}, ${run.status}`} component="article">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>{name}</Text>
          <Text size="xs" c="dimmed">
            v{run.version} · <Tooltip label={dateTime(run.startedAt)}><span>started {timeAgo(run.startedAt)}</span></Tooltip> · {run.startedBy}
          </Text>
        </div>
        <Badge size="sm" variant="light" color={statusColor[run.status] ?? 'gray'} style={{ flexShrink: 0 }}>{run.status === 'Waiting' ? 'Running' : run.status}</Badge>
      </Group>
      {run.currentSteps.length > 0 && (
        <Stack gap={4} mt={8}>
          {run.currentSteps.map((step) => (
            <Group key={step.nodeId} gap={6} wrap="nowrap" align="flex-start">
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>Now at</Text>
              <div style={{ minWidth: 0 }}>
                <Text size="sm"><b>{step.nodeId}</b>{step.activity ? <Text span c="dimmed" size="xs"> · {step.activity}</Text> : null}</Text>
                <Text size="xs" c="dimmed">
                  {step.taskTitle ? `Task “${step.taskTitle}”` : `Waiting for ${step.waitingFor.map((k) => waitWords[k] ?? k).join(' or ')}`}
                  {step.dueAt ? ` · until ${dateTime(step.dueAt)}` : ''}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
      {run.endReason && <Text size="xs" c="dimmed" mt={6}>Ended {run.endedAt ? timeAgo(run.endedAt) : ''}: {run.endReason}</Text>}
      {canOpen && (
        <Anchor component={Link} to={to} size="xs" mt={6} display="inline-flex" style={{ alignItems: 'center', gap: 2 }}>
          Open the run <IconChevronRight size={12} />
        </Anchor>
      )}
    </Paper>
  );
}
