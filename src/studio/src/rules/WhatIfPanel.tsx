import { Alert, Badge, Button, Group, Modal, Paper, Progress, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconPlayerStop, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ErrorState } from '../common/QueryStates';
import { dateTime } from '../common/time';
import { consequenceSummary, taskBasis } from './whatIf/consequences';
import { movementMatrix } from './whatIf/movement';
import { MovementMatrix } from './whatIf/MovementMatrix';
import { MoversTable } from './whatIf/MoversTable';
import { PlaybookConsequences } from './whatIf/PlaybookConsequences';
import { TasksPerRep } from './whatIf/TasksPerRep';
import { TopTierLoad } from './whatIf/TopTierLoad';
import type { WhatIfProgress, WhatIfReport } from './whatIf/types';
import type { WhatIfState } from './whatIf/useWhatIf';

/** What publishing the draft would do to every account, writing nothing: progress while it runs (cancel stops the
 *  server), then the tier movement (a cell lists its movers), the playbooks entered and left with the tasks that
 *  creates and cancels per rep, and the top tier's load per rep against capacity. */
export function WhatIfPanel({ fileName, state, stale, onCancel, onRun, onClose }: {
  fileName: string;
  state: Exclude<WhatIfState, { status: 'idle' }>;
  /** The draft changed since the report was made. */
  stale: boolean;
  onCancel: () => void;
  onRun: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={onClose} size="min(1180px, 96vw)" title={<Text fw={700}>What if {fileName} were published</Text>}>
      {state.status === 'running' && <Running progress={state.progress} onCancel={onCancel} />}
      {state.status === 'cancelled' && (
        <Alert color="gray" title="What-if cancelled" icon={<IconPlayerStop size={18} />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">The server stopped{state.progress ? ` after ${state.progress.done.toLocaleString()} of ${state.progress.total.toLocaleString()} ${state.progress.phase}` : ''}. Nothing was written.</Text>
            <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={onRun}>Run it again</Button>
          </Stack>
        </Alert>
      )}
      {state.status === 'failed' && <ErrorState error={state.error} title="The what-if did not run" onRetry={onRun} />}
      {state.status === 'done' && <Report report={state.report} stale={stale} onRun={onRun} />}
    </Modal>
  );
}

function Running({ progress, onCancel }: { progress: WhatIfProgress | null; onCancel: () => void }) {
  const share = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  const label = !progress ? 'Starting…'
    : progress.phase === 'accounts' ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} accounts evaluated`
    : `${progress.detail} (${progress.done + 1} of ${progress.total})`;
  return (
    <Stack gap="sm" py="lg" role="status" aria-live="polite" aria-label="What-if progress">
      <Text size="sm" fw={600}>{progress?.phase === 'playbooks' ? 'Simulating the playbooks accounts would enter' : 'Evaluating every account with the draft'}</Text>
      <Progress value={progress?.phase === 'playbooks' ? 100 : share} animated striped size="lg" aria-label={label} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{label}</Text>
        <Button size="xs" variant="default" color="red" leftSection={<IconPlayerStop size={14} />} onClick={onCancel}>Cancel</Button>
      </Group>
    </Stack>
  );
}

function Report({ report, stale, onRun }: { report: WhatIfReport; stale: boolean; onRun: () => void }) {
  const matrix = useMemo(() => movementMatrix(report), [report]);
  const summary = useMemo(() => consequenceSummary(report.playbooks), [report.playbooks]);
  const [cell, setCell] = useState<{ from: string; to: string } | null>(null);
  const [tab, setTab] = useState<string | null>('movement');
  const top = report.tierCounts[report.topTier] ?? 0;
  const overCap = report.topTierCap != null && top > report.topTierCap;
  return (
    <Stack gap="md">
      {stale && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="The draft changed since this what-if ran">
          <Button size="xs" variant="light" color="yellow" leftSection={<IconRefresh size={14} />} onClick={onRun}>Run it on the current draft</Button>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="section" aria-label="What-if summary">
        <Stat label="Would change tier" value={report.moversTotal.toLocaleString()} hint={`of ${report.accounts.toLocaleString()} accounts`} />
        <Stat label={`${report.topTier} with the draft`} value={top.toLocaleString()} color={overCap ? 'red.7' : undefined}
          hint={report.topTierCap != null ? `cap ${report.topTierCap}${overCap ? ' — over the cap' : ''}` : 'no cap'} />
        <Stat label="Playbooks" value={`+${summary.entering.toLocaleString()} / −${summary.leaving.toLocaleString()}`} hint="accounts entering / leaving" />
        <Stat label={`New tasks, first ${report.taskHorizonDays} days`} value={`≈ ${summary.created.toLocaleString()}`}
          hint={`${summary.cancelled.toLocaleString()} open task${summary.cancelled === 1 ? '' : 's'} cancelled`} />
      </SimpleGrid>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="movement">Tier movement</Tabs.Tab>
          <Tabs.Tab value="playbooks">Playbooks and tasks</Tabs.Tab>
          <Tabs.Tab value="load">{report.topTier} load per rep</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="movement" pt="md">
          <Stack gap="md">
            <MovementMatrix matrix={matrix} selected={cell} onSelect={setCell} />
            <MoversTable report={report} cell={cell} onClear={() => setCell(null)} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="playbooks" pt="md">
          <Stack gap="md">
            <PlaybookConsequences report={report} />
            <TasksPerRep report={report} />
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} title="How the task numbers are made">
              <Text size="xs">{taskBasis(report)}</Text>
              {summary.notEstimated.map((n) => <Text key={n.name} size="xs" c="orange.8">{n.name}: {n.why}</Text>)}
            </Alert>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="load" pt="md"><TopTierLoad report={report} /></Tabs.Panel>
      </Tabs>
      <Group gap="xs">
        <Badge variant="light" color="gray" tt="none">draft {report.draftVersion.slice(0, 12)}</Badge>
        <Badge variant="light" color="gray" tt="none">live {report.liveVersion?.slice(0, 12) ?? 'none'}</Badge>
        <Text size="xs" c="dimmed">Compared with each account's stored tier on {dateTime(report.evaluatedAt)}; nothing was written.</Text>
      </Group>
    </Stack>
  );
}

function Stat({ label, value, hint, color }: { label: string; value: string; hint: string; color?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} c={color}>{value}</Text>
      <Text size="xs" c="dimmed">{hint}</Text>
    </Paper>
  );
}
