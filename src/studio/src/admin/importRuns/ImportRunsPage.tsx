import { ActionIcon, Badge, Button, Group, Pagination, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { dateTime, timeAgo } from '../../common/time';
import type { ImportRunRow } from '../adminTypes';
import { importPageSize, useImportRun, useImportRuns, useRunImportNow } from './queries';

const statusColor: Record<string, string> = { ok: 'green', partial: 'orange', failed: 'red' };

/** The scheduled import (docs/import.md, "Scheduled import"): one row per drop-folder file or URL fetch, its counts, and
 *  when opened its rejected rows by row and column. ?page= is in the URL. */
export function ImportRunsPage() {
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useImportRuns(page);
  const runNow = useRunImportNow();

  return (
    <Stack gap="md" component="section" aria-label="Import runs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">Files from the drop folder and URL sources, imported on the Inbound schedule. Open a run to see its rejected rows.</Text>
        <Stack gap={2} align="flex-end">
          <Button size="compact-sm" variant="light" leftSection={<IconPlayerPlay size={14} />} loading={runNow.isPending}
            onClick={() => runNow.mutate()}>Run now</Button>
          {runNow.error != null && <Text size="xs" c="red" role="alert">{errorMessage(runNow.error)}</Text>}
        </Stack>
      </Group>
      <Paper withBorder radius="lg">
        {list.isPending ? <LoadingState label="Loading import runs" />
          : list.error ? <ErrorState error={list.error} title="Could not load the import runs" onRetry={() => void list.refetch()} />
          : list.data.items.length === 0 ? (
            <EmptyState title="No import runs yet">Configure Inbound:Folder or Inbound:Sources; each file or URL fetch shows up here.</EmptyState>
          ) : (
            <>
              <RunsTable rows={list.data.items} />
              {list.data.total > importPageSize && (
                <Group justify="flex-end" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                  <Pagination size="sm" total={Math.ceil(list.data.total / importPageSize)} value={page}
                    onChange={(p) => setSearch({ page: String(p) })} />
                </Group>
              )}
            </>
          )}
      </Paper>
    </Stack>
  );
}

function RunsTable({ rows }: { rows: ImportRunRow[] }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Import runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}><span className="visually-hidden">Report</span></Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Created</Table.Th>
            <Table.Th ta="right">Updated</Table.Th>
            <Table.Th ta="right">Failed</Table.Th>
            <Table.Th>Error</Table.Th>
            <Table.Th w={150}>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => <RunRow key={r.id} run={r} open={open === r.id} onToggle={() => setOpen(open === r.id ? null : r.id)} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RunRow({ run: r, open, onToggle }: { run: ImportRunRow; open: boolean; onToggle: () => void }) {
  return (
    <>
      <Table.Tr data-run-id={r.id}>
        <Table.Td>
          <ActionIcon variant="subtle" color="gray" size="sm" onClick={onToggle} aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} the report of ${r.source}`}>
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td maw={320}><Text size="sm" ff="monospace" truncate="end">{r.source}</Text></Table.Td>
        <Table.Td><Text size="sm">{r.kind}</Text></Table.Td>
        <Table.Td><Badge size="sm" variant="light" color={statusColor[r.status] ?? 'gray'}>{r.status}</Badge></Table.Td>
        <Table.Td ta="right"><Text size="sm">{r.created}</Text></Table.Td>
        <Table.Td ta="right"><Text size="sm">{r.updated}</Text></Table.Td>
        <Table.Td ta="right"><Text size="sm" c={r.failed > 0 ? 'red.8' : undefined}>{r.failed}</Text></Table.Td>
        <Table.Td maw={280}>
          {r.error ? <Tooltip label={r.error} multiline w={360}><Text size="xs" c="red.8" lineClamp={2}>{r.error}</Text></Tooltip>
            : <Text size="xs" c="dimmed">—</Text>}
        </Table.Td>
        <Table.Td><Tooltip label={`Started ${dateTime(r.startedAt)}`}><Text size="sm" c="dimmed">{timeAgo(r.startedAt)}</Text></Tooltip></Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={9} bg="gray.0"><RunReport id={r.id} /></Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function RunReport({ id }: { id: number }) {
  const run = useImportRun(id);
  if (run.isPending) return <LoadingState label="Loading the report" />;
  if (run.error) return <ErrorState error={run.error} title="Could not load the report" onRetry={() => void run.refetch()} />;
  const report = run.data.report;
  if (!report) return <Text size="sm" c="dimmed">Nothing was read: {run.data.run.error}</Text>;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {report.received} rows read: {report.created} created, {report.updated} updated, {report.unchanged} unchanged, {report.duplicates} duplicates, {report.failed} rejected
        {report.failed > report.errors.length ? ` (the first ${report.errors.length} listed)` : ''}.
      </Text>
      {report.errors.length === 0 ? <Text size="sm">No rejected rows.</Text> : (
        <Table withTableBorder verticalSpacing={4} aria-label={`Rejected rows of run ${id}`}>
          <Table.Thead><Table.Tr><Table.Th w={80}>Row</Table.Th><Table.Th w={200}>Column</Table.Th><Table.Th>Problem</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {report.errors.map((e, i) => (
              <Table.Tr key={i}><Table.Td>{e.row}</Table.Td><Table.Td>{e.column ?? '—'}</Table.Td><Table.Td>{e.message}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
