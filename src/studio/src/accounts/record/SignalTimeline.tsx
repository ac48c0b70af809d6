import { Badge, Button, Group, Paper, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { dateTime, timeAgo } from '../../common/time';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { useAccountSignals } from '../queries';
import { SignalIcon } from '../SignalIcon';
import { signalLabel, signalSummary } from '../signalWords';

/** The account's signals, newest first, a page at a time, with what each was about and where it came from. */
export function SignalTimeline({ accountId, total }: { accountId: string; total: number }) {
  const signals = useAccountSignals(accountId);
  const items = signals.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper component="section" aria-label="Signals" withBorder radius="lg" p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">Signals</Title>
        <Text size="sm" c="dimmed">{total.toLocaleString()} in total</Text>
      </Group>
      {signals.isPending ? (
        <LoadingState label="Loading signals" />
      ) : signals.error ? (
        <ErrorState error={signals.error} title="Could not load the signals" onRetry={() => void signals.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No signals yet">Site visits, email replies, funding rounds and intent data show here as they arrive.</EmptyState>
      ) : (
        <>
          <Timeline bulletSize={24} lineWidth={2} styles={{ item: { marginTop: 14 } }}>
            {items.map((signal) => (
              <Timeline.Item key={signal.id} bullet={<SignalIcon type={signal.type} size={24} />}
                title={
                  <Group gap={8} wrap="nowrap" justify="space-between">
                    <Text size="sm" fw={600}>{signalLabel(signal.type)}</Text>
                    <Tooltip label={dateTime(signal.occurredAt)}><Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{timeAgo(signal.occurredAt)}</Text></Tooltip>
                  </Group>
                }>
                <Group gap={6} wrap="wrap">
                  {signalSummary(signal.properties) && <Text size="xs" c="dimmed">{signalSummary(signal.properties)}</Text>}
                  {signal.source && <Badge size="xs" variant="outline" color="gray">{signal.source}</Badge>}
                </Group>
              </Timeline.Item>
            ))}
          </Timeline>
          {signals.hasNextPage && (
            <Button variant="subtle" mt="sm" loading={signals.isFetchingNextPage} onClick={() => void signals.fetchNextPage()}>
              Show older signals
            </Button>
          )}
        </>
      )}
    </Paper>
  );
}
