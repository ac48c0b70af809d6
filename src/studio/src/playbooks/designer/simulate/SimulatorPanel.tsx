import { Alert, Badge, Button, Divider, Group, Paper, SegmentedControl, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../../api/client';
import { ApiError, errorMessage } from '../../../api/problem';
import type { ActivityDescriptor } from '../../../api/types';
import { AccountPicker } from '../../../accounts/AccountPicker';
import { dateTime } from '../../../common/time';
import type { PlaybookDefinition } from '../../model/definition';
import { durationInWords } from '../../model/durations';
import { ScriptEditor } from './ScriptEditor';
import { type SimulatedAccount, SyntheticAccountForm } from './SyntheticAccountForm';
import type { ScriptEntry, SimulationResult } from './simulationOverlay';

const endings: Record<string, string> = {
  finished: 'The playbook finished', cancelled: 'The playbook was left (exit policy)', faulted: 'The run hit an incident',
  idle: 'The run waits for something the script never brings', horizon: 'The horizon was reached', stepLimit: 'The step limit was reached',
  timeLimit: 'The time limit was reached', error: 'The simulation failed',
};

/** "Try it": runs the canvas's definition for a real account in virtual time on the server (the real engine and
 *  activities, nothing written), then draws the path and its business-time steps on the canvas. */
export function SimulatorPanel({ definition, descriptors, signalTypes, tiers, result, onResult }: {
  definition: PlaybookDefinition; descriptors: Map<string, ActivityDescriptor>; signalTypes: string[]; tiers: string[];
  result: SimulationResult | null; onResult: (r: SimulationResult | null) => void;
}) {
  const [source, setSource] = useState<'real' | 'synthetic'>('real');
  const [accountId, setAccountId] = useState<string | null>(null);
  const [synthetic, setSynthetic] = useState<SimulatedAccount>({ name: 'Example GmbH', tier: tiers[0] ?? null, score: 75, employees: 400, country: 'DE', region: 'EMEA' });
  const [script, setScript] = useState<ScriptEntry[]>([]);
  const [horizon, setHorizon] = useState('P60D');
  const run = useMutation({
    mutationFn: () => call(api.POST('/api/playbooks/{id}/simulate', {
      params: { path: { id: definition.id } },
      body: { definition, ...(source === 'real' ? { accountId } : { account: synthetic }), script: script.map((e) => (e.outcome === 'never' ? { ...e, after: null } : e)), horizon },
    })),
    onMutate: () => onResult(null),
    onSuccess: onResult,
  });
  const problems = run.error instanceof ApiError ? run.error.problem.problems ?? [] : [];

  return (
    <Stack gap="sm" component="section" aria-label="Try it">
      <div>
        <Title order={2} size="h4">Try it</Title>
        <Text size="xs" c="dimmed">Runs what the canvas shows for one account, fast-forwarding through every wait on the business calendar of the rep
          it assigns. Nothing is saved, sent or assigned.</Text>
      </div>
      <SegmentedControl size="xs" aria-label="Which account" value={source} onChange={(v) => setSource(v as 'real' | 'synthetic')}
        data={[{ value: 'real', label: 'A real account' }, { value: 'synthetic', label: 'A made-up account' }]} />
      {source === 'real'
        ? <AccountPicker label="Account" value={accountId} onChange={setAccountId} />
        : <SyntheticAccountForm account={synthetic} tiers={tiers} onChange={setSynthetic} />}
      <Text size="sm" fw={600}>What happens</Text>
      <ScriptEditor definition={definition} descriptors={descriptors} signalTypes={signalTypes} script={script} onChange={setScript} />
      <TextInput size="xs" label="Run for at most" value={horizon} onChange={(e) => setHorizon(e.currentTarget.value.toUpperCase())}
        description={durationInWords(horizon, { business: false }) ?? 'an ISO-8601 duration such as P60D'} />
      <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => run.mutate()} loading={run.isPending} disabled={source === 'real' && !accountId}>
        Run in virtual time
      </Button>
      {run.error && (
        <Alert color="red" role="alert" title="The simulation did not run">
          <Text size="sm">{errorMessage(run.error)}</Text>
          {problems.map((p, i) => <Text key={i} size="xs">{p.text ?? p.message}</Text>)}
        </Alert>
      )}
      {result && <SimulationReport result={result} />}
    </Stack>
  );
}

function SimulationReport({ result }: { result: SimulationResult }) {
  return (
    <Stack gap="xs" component="section" aria-label="Simulation result">
      <Alert color={result.truncated || result.endedReason === 'faulted' || result.endedReason === 'error' ? 'orange' : 'teal'} p="xs"
        title={endings[result.endedReason] ?? result.endedReason}>
        <Text size="xs">{result.endedDetail}</Text>
        <Text size="xs" c="dimmed">Virtual time {dateTime(result.virtualStart)} → {dateTime(result.virtualEnd)}
          {result.calendar.name ? ` · calendar of ${result.calendar.name} (${result.calendar.timeZone})` : ` · ${result.calendar.timeZone}`}</Text>
      </Alert>
      {result.owners.reason && <Text size="xs"><b>Owners:</b> {result.owners.reason}</Text>}
      {(result.breaches.length > 0 || result.escalations.length > 0) && (
        <Group gap={4}>
          {result.breaches.length > 0 && <Badge color="red">{result.breaches.length} SLA breach{result.breaches.length > 1 ? 'es' : ''}</Badge>}
          {result.escalations.length > 0 && <Badge color="orange">{result.escalations.length} escalation{result.escalations.length > 1 ? 's' : ''}</Badge>}
        </Group>
      )}
      <Divider label="Steps" labelPosition="left" />
      <Timeline bulletSize={12} lineWidth={2} active={result.steps.length}>
        {result.steps.filter((s) => s.nodeId).map((s, i) => (
          <Timeline.Item key={i} color={s.event === 'breached' ? 'red' : s.event === 'escalated' ? 'orange' : 'violet'}
            title={<Text size="xs" fw={600}>{s.nodeId} · {s.event}{s.port ? ` → ${s.port}` : ''}</Text>}>
            <Text size="xs" c="dimmed">{s.businessTime}</Text>
            {s.detail && <Text size="xs">{s.detail}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {result.tasks.length > 0 && <Divider label="Tasks as the reps would see them" labelPosition="left" />}
      {result.tasks.map((t) => (
        <Paper key={t.id} withBorder p="xs" radius="md" bg={t.breached ? 'red.0' : undefined}>
          <Group gap={4} justify="space-between" wrap="nowrap">
            <Text size="sm" fw={600} lineClamp={2}>{t.title}</Text>
            <Badge size="xs" variant="light" color={t.breached ? 'red' : t.status === 'Done' ? 'teal' : 'gray'}>{t.breached ? 'SLA missed' : t.status.toLowerCase()}</Badge>
          </Group>
          <Text size="xs" c="dimmed">{t.nodeId} · {t.channel} · {t.assignee.name ?? t.assignee.queue ?? 'unassigned'} · due {dateTime(t.dueAt)}
            {t.slaDueAt ? ` · SLA ${dateTime(t.slaDueAt)}` : ''}{t.outcome ? ` · ${t.outcome}` : ''}</Text>
          <Text size="xs" mt={4} style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>{t.body}</Text>
        </Paper>
      ))}
      {result.notifications.length > 0 && <Text size="xs" c="dimmed">{result.notifications.length} notification(s) would be sent: {result.notifications.map((n) => n.event).join(', ')}</Text>}
    </Stack>
  );
}
