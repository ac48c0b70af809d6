import { Badge, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { ErrorState, LoadingState } from '../../../common/QueryStates';
import type { useLiveCounts } from './useLiveCounts';

/** The live version at a glance: instances by status, and the steps where accounts wait (each opens its list). */
export function LiveSummary({ version, counts, onOpenNode }: {
  version: number | null | undefined; counts: ReturnType<typeof useLiveCounts>; onOpenNode: (nodeId: string) => void;
}) {
  if (counts.isPending) return <LoadingState label="Counting instances" />;
  if (counts.error) return <ErrorState error={counts.error} title="Could not count the instances" onRetry={() => void counts.refetch()} />;
  const waiting = Object.entries(counts.data.waiting).sort(([, a], [, b]) => b - a);
  return (
    <Stack gap="sm" component="section" aria-label="Live">
      <Title order={2} size="h4">Live</Title>
      <Text size="xs" c="dimmed">Badges on the steps count the accounts waiting there now, on every version still running (red: past their SLA); the canvas shows live v{version}. Refreshed every 10 seconds.</Text>
      <Group gap={6}>
        {Object.entries(counts.data.statuses).map(([status, n]) => <Badge key={status} variant="light" color={status === 'Waiting' ? 'teal' : 'gray'}>{n.toLocaleString()} {status.toLowerCase()}</Badge>)}
      </Group>
      {waiting.length === 0 ? <Text size="sm" c="dimmed">No account waits in this version now.</Text> : (
        <Stack gap={2}>
          <Text size="sm" fw={600}>Waiting at</Text>
          {waiting.map(([node, n]) => (
            <UnstyledButton key={node} onClick={() => onOpenNode(node)} px={6} py={4} style={{ borderRadius: 6 }} aria-label={`${n} waiting at ${node}: show them`}>
              <Group justify="space-between">
                <Text size="sm" ff="monospace">{node}</Text>
                <Group gap={4}>
                  {(counts.data.pastSla[node] ?? 0) > 0 && <Badge color="red" size="sm">{counts.data.pastSla[node]} late</Badge>}
                  <Badge color="teal" size="sm">{n.toLocaleString()}</Badge>
                </Group>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
