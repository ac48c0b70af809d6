import { ActionIcon, Badge, Button, Code, Group, Pagination, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { dateTime, timeAgo } from '../../common/time';
import type { CrmUpdateView } from '../adminTypes';
import { crmPageSize, useCrmSummary, useCrmUpdates, useRetryCrmUpdate } from './queries';

const statuses = ['dead', 'pending', 'delivered'] as const;
type Status = (typeof statuses)[number];
const labels: Record<Status, string> = { dead: 'Dead letters', pending: 'Waiting', delivered: 'Sent' };

/** The CRM field sync (docs/crm.md): whether it is on, how many account updates wait, were sent or failed every attempt,
 *  and those dead letters with their last error and a Retry. ?status= and ?page= are in the URL. */
export function CrmSyncPage() {
  const [search, setSearch] = useSearchParams();
  const status: Status = statuses.find((s) => s === search.get('status')) ?? 'dead';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const summary = useCrmSummary();
  const list = useCrmUpdates(status, page);

  return (
    <Stack gap="md" component="section" aria-label="CRM sync">
      {summary.isPending ? <LoadingState label="Loading the CRM sync" />
        : summary.error ? <ErrorState error={summary.error} title="Could not load the CRM sync" onRetry={() => void summary.refetch()} />
        : (
          <SimpleGrid cols={{ base: 2, md: 4 }} role="group" aria-label="CRM sync summary">
            <Paper withBorder radius="lg" p="md">
              <Text size="xs" c="dimmed">CRM</Text>
              <Text fw={600}>{summary.data.enabled ? (summary.data.kind === 'salesforce' ? 'Salesforce' : 'HubSpot') : 'Sync off'}</Text>
              <Text size="xs" c="dimmed">{summary.data.eventsWebhook ? `events to ${summary.data.eventsWebhook}` : 'no events webhook'}</Text>
            </Paper>
            {statuses.map((s) => (
              <Paper key={s} withBorder radius="lg" p="md">
                <Text size="xs" c="dimmed">{labels[s]}</Text>
                <Text fw={600} size="xl" c={s === 'dead' && summary.data[s] > 0 ? 'red.8' : undefined}>{summary.data[s]}</Text>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">Each account's mapped CRM fields, latest values only. Fix the CRM or the setting named in the error, then retry.</Text>
        <SegmentedControl value={status} onChange={(value) => setSearch(value === 'dead' ? {} : { status: value })} aria-label="Which CRM updates"
          data={statuses.map((s) => ({ value: s, label: labels[s] }))} />
      </Group>
      <Paper withBorder radius="lg">
        {list.isPending ? <LoadingState label="Loading CRM updates" />
          : list.error ? <ErrorState error={list.error} title="Could not load the CRM updates" onRetry={() => void list.refetch()} />
          : list.data.items.length === 0 ? (
            <EmptyState title={status === 'dead' ? 'No dead letters' : status === 'pending' ? 'Nothing is waiting to be sent' : 'Nothing sent yet'}>
              {summary.data && !summary.data.enabled ? 'The CRM sync is off: set Crm:Kind, Crm:BaseUrl, Crm:Token and Crm:Fields.'
                : 'Accounts appear here when their tier changes or someone syncs them.'}
            </EmptyState>
          ) : (
            <>
              <UpdatesTable rows={list.data.items} />
              {list.data.total > crmPageSize && (
                <Group justify="flex-end" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                  <Pagination size="sm" total={Math.ceil(list.data.total / crmPageSize)} value={page}
                    onChange={(p) => setSearch({ ...(status === 'dead' ? {} : { status }), page: String(p) })} />
                </Group>
              )}
            </>
          )}
      </Paper>
    </Stack>
  );
}

function UpdatesTable({ rows }: { rows: CrmUpdateView[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="CRM updates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}><span className="visually-hidden">Fields</span></Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>CRM record</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th w={170}>When</Table.Th>
            <Table.Th w={150}><span className="visually-hidden">Retry</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((u) => <UpdateRow key={u.accountId} update={u} open={open === u.accountId} onToggle={() => setOpen(open === u.accountId ? null : u.accountId)} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UpdateRow({ update: u, open, onToggle }: { update: CrmUpdateView; open: boolean; onToggle: () => void }) {
  const retry = useRetryCrmUpdate();
  return (
    <>
      <Table.Tr data-account-id={u.accountId}>
        <Table.Td>
          <ActionIcon variant="subtle" color="gray" size="sm" onClick={onToggle} aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} the CRM fields of account ${u.accountId}`}>
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td><Text size="sm" ff="monospace">{u.accountId}</Text></Table.Td>
        <Table.Td>{u.recordId ? <Text size="sm" ff="monospace">{u.recordId}</Text> : <Badge size="xs" color="orange" variant="light">no record id</Badge>}</Table.Td>
        <Table.Td ta="right"><Text size="sm">{u.attempts}</Text></Table.Td>
        <Table.Td maw={320}>
          {u.lastError && u.status !== 'delivered'
            ? <Tooltip label={u.lastError} multiline w={360}><Text size="xs" c="red.8" lineClamp={2}>{u.lastError}</Text></Tooltip>
            : <Text size="xs" c="dimmed">—</Text>}
        </Table.Td>
        <Table.Td>
          <Tooltip label={`Queued ${dateTime(u.queuedAt)}`}>
            <Text size="sm" c="dimmed">
              {u.deliveredAt ? `sent ${timeAgo(u.deliveredAt)}` : u.deadLetteredAt ? `dead ${timeAgo(u.deadLetteredAt)}` : `next try ${timeAgo(u.nextAttemptAt)}`}
            </Text>
          </Tooltip>
        </Table.Td>
        <Table.Td>
          {u.status === 'dead' && (
            <Stack gap={2} align="flex-start">
              <Button size="compact-sm" variant="light" leftSection={<IconRefresh size={14} />} loading={retry.isPending}
                disabled={retry.isSuccess} aria-label={`Retry the CRM update of account ${u.accountId}`}
                onClick={() => retry.mutate(u.accountId)}>{retry.isSuccess ? 'Queued' : 'Retry'}</Button>
              {retry.error != null && <Text size="xs" c="red" role="alert">{errorMessage(retry.error)}</Text>}
            </Stack>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={7} bg="gray.0">
            <Text size="xs" c="dimmed" mb={4}>The fields written to the CRM (revision {u.revision}):</Text>
            <Code block style={{ maxHeight: 260, overflow: 'auto' }}>{JSON.stringify(u.properties, null, 2)}</Code>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
