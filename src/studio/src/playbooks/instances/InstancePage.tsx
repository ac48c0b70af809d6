import { Alert, Anchor, Badge, Button, Group, Modal, Paper, ScrollArea, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { errorMessage } from '../../api/problem';
import type { ActivityDescriptor, InstanceDetail } from '../../api/types';
import { dateTime, timeAgo } from '../../common/time';
import { ErrorState, LoadingState } from '../../common/QueryStates';
import type { PlaybookDefinition } from '../model/definition';
import { FlowCanvas } from '../designer/canvas/FlowCanvas';
import { descriptorMap, toFlowEdges, toFlowNodes } from '../designer/canvas/toFlow';
import { playbookKeys, useActivities, usePlaybook } from '../queries';
import { pathTaken } from './pathTaken';

const statusColor: Record<string, string> = { Waiting: 'teal', Finished: 'gray', Cancelled: 'orange', Faulted: 'red' };

/** One instance: the path it took drawn on its version's canvas, its journal as a timeline, what it waits for, any
 *  incident, and cancel. */
export function InstancePage() {
  const { id = '', instanceId = '' } = useParams();
  const instance = useQuery({
    queryKey: playbookKeys.instance(instanceId),
    queryFn: () => call(api.GET('/api/playbooks/instances/{instanceId}', { params: { path: { instanceId } } })),
    refetchInterval: 15_000,
  });
  const version = usePlaybook(id, instance.data?.version, instance.data !== undefined);
  const activities = useActivities();

  if (instance.isPending) return <LoadingState label="Loading the instance" />;
  if (instance.error) return <ErrorState error={instance.error} title={`Could not load instance ${instanceId}`} onRetry={() => void instance.refetch()} />;
  const i = instance.data;
  return (
    <Stack p="md" gap="md" h="calc(100dvh - 56px)">
      <Group justify="space-between">
        <div>
          <Text size="sm" c="dimmed"><Anchor component={Link} to={`/playbooks/${encodeURIComponent(id)}?view=live`}>{id}</Anchor> / instance</Text>
          <Group gap="xs">
            <Title order={1} size="h3">{i.accountId}</Title>
            <Badge color={statusColor[i.status] ?? 'gray'}>{i.status}</Badge>
            <Badge variant="light" color="gray">v{i.version}</Badge>
          </Group>
          <Text size="sm" c="dimmed">Started {timeAgo(i.startedAt)} ({i.startedBy}){i.endReason ? ` · ended: ${i.endReason}` : ''}</Text>
        </div>
        {i.status === 'Waiting' && <CancelButton instance={i} />}
      </Group>
      {i.incident && (
        <Alert color="red" title={`Incident at ${i.incident.nodeId ?? 'the instance'}`} role="alert">{i.incident.message}</Alert>
      )}
      <Group align="stretch" gap="md" style={{ flex: 1, minHeight: 0 }} wrap="nowrap">
        <Paper withBorder radius="lg" style={{ flex: 1, minWidth: 0, overflow: 'hidden' }} aria-label="Path taken">
          {version.isPending || activities.isPending ? <LoadingState label="Drawing the path" />
            : version.error ? <ErrorState error={version.error} />
            : activities.error ? <ErrorState error={activities.error} />
            : <PathCanvas definition={version.data.definition} activities={activities.data} instance={i} />}
        </Paper>
        <Stack w={380} gap="md" style={{ minHeight: 0 }}>
          <Paper withBorder radius="lg" p="sm">
            <Text fw={650} size="sm" mb={4}>Waiting for</Text>
            {i.bookmarks.length === 0 ? <Text size="sm" c="dimmed">Nothing: the instance is not waiting.</Text> : (
              <Table fz="xs" aria-label="Open waits and timers">
                <Table.Tbody>
                  {i.bookmarks.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td><Text size="xs" fw={600}>{b.kind}</Text></Table.Td>
                      <Table.Td>{b.nodeId}</Table.Td>
                      <Table.Td>{b.dueAt ? `due ${dateTime(b.dueAt)}` : b.key ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Paper withBorder radius="lg" p="sm" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
            <Text fw={650} size="sm" mb="xs">Journal {i.journalTotal > i.journal.length ? `(newest ${i.journal.length} of ${i.journalTotal})` : ''}</Text>
            <ScrollArea flex={1} type="auto">
              <Timeline bulletSize={14} lineWidth={2} active={i.journal.length} aria-label="Journal">
                {i.journal.map((line, n) => (
                  <Timeline.Item key={n} title={<Text size="xs" fw={600}>{line.nodeId ?? 'instance'} · {line.event}{line.port ? ` → ${line.port}` : ''}</Text>}>
                    {line.detail && <Text size="xs" c="dimmed">{line.detail}</Text>}
                    <Text size="xs" c="dimmed">{dateTime(line.at)}</Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </ScrollArea>
          </Paper>
        </Stack>
      </Group>
    </Stack>
  );
}

function PathCanvas({ definition, activities, instance }: { definition: PlaybookDefinition; activities: ActivityDescriptor[]; instance: InstanceDetail }) {
  const { nodes, edges } = useMemo(() => {
    const path = pathTaken(definition, instance.journal, (iso) => dateTime(iso));
    const overlays = { simulated: path.visits, takenEdges: path.edges };
    return { nodes: toFlowNodes(definition, descriptorMap(activities), [], overlays, true), edges: toFlowEdges(definition, overlays, true) };
  }, [definition, activities, instance.journal]);
  return <ReactFlowProvider><FlowCanvas nodes={nodes} edges={edges} readOnly /></ReactFlowProvider>;
}

function CancelButton({ instance }: { instance: InstanceDetail }) {
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => call(api.POST('/api/playbooks/instances/{instanceId}/cancel', { params: { path: { instanceId: instance.id } } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(playbookKeys.instance(instance.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['playbooks'] });
      notifications.show({ message: `Cancelled the playbook for ${instance.accountId}` });
      setAsking(false);
    },
  });
  return (
    <>
      <Button color="red" variant="light" onClick={() => setAsking(true)}>Cancel this instance</Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Cancel this instance?">
        <Text size="sm">The playbook stops for {instance.accountId}: its waits and timers go, open tasks are cancelled.</Text>
        {cancel.error && <Alert color="red" mt="sm" role="alert">{errorMessage(cancel.error)}</Alert>}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)}>Keep it running</Button>
          <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>Cancel the instance</Button>
        </Group>
      </Modal>
    </>
  );
}
