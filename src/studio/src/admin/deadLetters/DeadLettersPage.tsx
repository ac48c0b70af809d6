import { ActionIcon, Badge, Box, Button, Code, Group, Loader, Pagination, Paper, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconChevronDown, IconChevronRight, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { dateTime, timeAgo } from '../../common/time';
import type { NotificationView } from '../adminTypes';
import { deadLetterPageSize, useNotification, useNotificationCount, useNotifications, useRefreshCounts, useRetryNotification } from '../queries';

const statuses = ['dead', 'pending', 'delivered'] as const;
type Status = (typeof statuses)[number];

/** Notifications that failed every attempt (dead letters), with what they say and why they failed; retry sends one again
 *  and shows how that went. Also the ones waiting and those delivered, for comparison. ?status= and ?page= are in the URL. */
export function DeadLettersPage() {
  const [search, setSearch] = useSearchParams();
  const status: Status = statuses.find((s) => s === search.get('status')) ?? 'dead';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useNotifications(status, page);
  const counts = { dead: useNotificationCount('dead').data, pending: useNotificationCount('pending').data, delivered: useNotificationCount('delivered').data };

  return (
    <Stack gap="md" component="section" aria-label="Notification dead letters">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">Webhook messages (Slack, e-mail hooks, integrations) after every delivery attempt failed. Fix the receiver, then retry.</Text>
        <SegmentedControl value={status} onChange={(value) => setSearch(value === 'dead' ? {} : { status: value })} aria-label="Which notifications"
          data={statuses.map((s) => ({ value: s, label: `${s === 'dead' ? 'Dead letters' : s === 'pending' ? 'Waiting' : 'Delivered'}${counts[s] != null ? ` (${counts[s]})` : ''}` }))} />
      </Group>
      <Paper withBorder radius="lg">
        {list.isPending ? <LoadingState label="Loading notifications" />
          : list.error ? <ErrorState error={list.error} title="Could not load the notifications" onRetry={() => void list.refetch()} />
          : list.data.items.length === 0 ? (
            <EmptyState title={status === 'dead' ? 'No dead letters' : status === 'pending' ? 'Nothing is waiting to be sent' : 'Nothing delivered yet'}>
              {status === 'dead' ? 'Every notification went out, or is still being retried.' : 'Notifications appear here as playbooks and SLAs send them.'}
            </EmptyState>
          ) : (
            <>
              <NotificationsTable rows={list.data.items} />
              {list.data.total > deadLetterPageSize && (
                <Group justify="flex-end" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                  <Pagination size="sm" total={Math.ceil(list.data.total / deadLetterPageSize)} value={page}
                    onChange={(p) => setSearch({ ...(status === 'dead' ? {} : { status }), page: String(p) })} />
                </Group>
              )}
            </>
          )}
      </Paper>
    </Stack>
  );
}

function NotificationsTable({ rows }: { rows: NotificationView[] }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Notifications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}><span className="visually-hidden">Payload</span></Table.Th>
            <Table.Th>Message</Table.Th>
            <Table.Th>Webhook</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th w={170}>When</Table.Th>
            <Table.Th w={190}><span className="visually-hidden">Retry</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((n) => <NotificationRow key={n.id} listed={n} open={open === n.id} onToggle={() => setOpen(open === n.id ? null : n.id)} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One notification; after a retry the row follows the notification as it is now (sending, delivered, or dead again). */
function NotificationRow({ listed, open, onToggle }: { listed: NotificationView; open: boolean; onToggle: () => void }) {
  const retry = useRetryNotification();
  const [retried, setRetried] = useState(false);
  const current = useNotification(retried ? listed.id : null);
  const n = retried && current.data ? current.data : listed;
  const refreshCounts = useRefreshCounts();
  const settled = retried && current.data != null && current.data.status !== 'pending';
  useEffect(() => {
    if (settled) refreshCounts();
    // Once per result: the tabs' counts move when the retry has gone out (or failed again).
  }, [settled]);

  return (
    <>
      <Table.Tr data-notification-id={n.id}>
        <Table.Td>
          <ActionIcon variant="subtle" color="gray" size="sm" onClick={onToggle}
            aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} the payload of notification ${n.id}`}>
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td maw={420}>
          <Badge size="xs" variant="light" color="grape" mb={4} tt="none">{n.event}</Badge>
          <Text size="sm" lineClamp={2} title={n.summary}>{n.summary}</Text>
          {(n.accountId || n.taskId) && (
            <Text size="xs" c="dimmed">{[n.accountId && `account ${n.accountId}`, n.taskId && `task ${n.taskId.slice(0, 8)}`].filter(Boolean).join(' · ')}</Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">{n.webhook}</Text>
          {!n.webhookConfigured && <Badge size="xs" color="orange" variant="light">not configured</Badge>}
        </Table.Td>
        <Table.Td ta="right"><Text size="sm">{n.attempts}</Text></Table.Td>
        <Table.Td maw={280}>
          {n.lastError && n.status !== 'delivered'
            ? <Tooltip label={n.lastError} multiline w={360}><Text size="xs" c="red.8" lineClamp={2}>{n.lastError}</Text></Tooltip>
            : <Text size="xs" c="dimmed">—</Text>}
        </Table.Td>
        <Table.Td>
          <Tooltip label={`Created ${dateTime(n.createdAt)}`}>
            <Text size="sm" c="dimmed">
              {n.deliveredAt ? `sent ${timeAgo(n.deliveredAt)}` : n.deadLetteredAt ? `dead ${timeAgo(n.deadLetteredAt)}` : `next try ${timeAgo(n.nextAttemptAt)}`}
            </Text>
          </Tooltip>
        </Table.Td>
        <Table.Td>
          {retried ? <RetryResult notification={current.data} onAgain={() => { setRetried(false); retry.reset(); }} /> : listed.status === 'dead' && (
            <Stack gap={2} align="flex-start">
              <Button size="compact-sm" variant="light" leftSection={<IconRefresh size={14} />} loading={retry.isPending}
                disabled={!listed.webhookConfigured} aria-label={`Retry notification ${listed.id}`}
                onClick={() => retry.mutate(listed.id, { onSuccess: () => setRetried(true) })}>Retry</Button>
              {!listed.webhookConfigured && <Text size="xs" c="dimmed">Add the webhook back to retry</Text>}
              {retry.error != null && <Text size="xs" c="red" role="alert">{errorMessage(retry.error)}</Text>}
            </Stack>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={7} bg="gray.0">
            <Text size="xs" c="dimmed" mb={4}>The exact body sent to {n.webhook} ({n.payload.length} characters):</Text>
            <Code block style={{ maxHeight: 260, overflow: 'auto' }}>{pretty(n.payload)}</Code>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** How a retry went: waiting (the sender picks it up within seconds), delivered, or dead again with the new error. */
function RetryResult({ notification, onAgain }: { notification: NotificationView | undefined; onAgain: () => void }) {
  if (!notification || notification.status === 'pending') {
    return <Group gap={6} role="status"><Loader size={14} /><Text size="sm">Sending…</Text></Group>;
  }
  if (notification.status === 'delivered') {
    return <Group gap={6} role="status"><IconCheck size={16} color="var(--mantine-color-green-7)" /><Text size="sm" c="green.8">Delivered</Text></Group>;
  }
  return (
    <Box role="status">
      <Group gap={6}><IconAlertTriangle size={16} color="var(--mantine-color-red-7)" /><Text size="sm" c="red.8">Failed again</Text></Group>
      <Button size="compact-xs" variant="subtle" mt={2} onClick={onAgain}>Try again</Button>
    </Box>
  );
}

function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
