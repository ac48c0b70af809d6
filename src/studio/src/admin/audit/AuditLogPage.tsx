import { ActionIcon, Badge, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconSearch, IconServer, IconTerminal2 } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { dateTime, timeAgo } from '../../common/time';
import type { AuditEntryView } from '../adminTypes';
import { auditPageSize, useAuditEntries } from '../queries';
import { actorKind, auditKinds, changeText, isAuditKind, kindColor, kindName, sinceOf, sinceRanges, type SinceRange } from './auditView';

/** Who changed which rule set, playbook, template, user, API token or rep, when, and from what to what. The filters
 *  (?kind=, ?actor=, ?since=, ?page=) live in the URL so a filtered view can be shared. */
export function AuditLogPage() {
  const [search, setSearch] = useSearchParams();
  const kind = isAuditKind(search.get('kind')) ? search.get('kind')! : undefined;
  const range = (sinceRanges.find((r) => r.value === search.get('since'))?.value ?? 'all') as SinceRange;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [actorText, setActorText] = useState(search.get('actor') ?? '');
  const [actor] = useDebouncedValue(actorText.trim(), 300);
  // The range's start is fixed when it is chosen, so the query (and its cache key) stays put while the page is open.
  const since = useMemo(() => sinceOf(range), [range]);
  const entries = useAuditEntries({ kind, actor: actor || undefined, since, page });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value); else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setSearch(next, { replace: true });
  };
  useEffect(() => {
    if ((search.get('actor') ?? '') !== actor) update({ actor: actor || undefined });
    // Only the debounced text writes to the URL.
  }, [actor]);

  return (
    <Stack gap="md" component="section" aria-label="Audit log">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>
          Every change to rule sets, playbooks, templates, users, API tokens and reps: who made it, when, and what changed.
          Secrets (passwords, token values) are never recorded, only that they changed.
        </Text>
        <Group gap="sm" align="flex-end">
          <Select label="What" w={160} allowDeselect={false} value={kind ?? 'all'}
            data={[{ value: 'all', label: 'Everything' }, ...auditKinds.map(({ value, label }) => ({ value, label }))]}
            onChange={(value) => update({ kind: value === 'all' ? undefined : value ?? undefined })} />
          <TextInput label="Who" placeholder="email, cli or system" w={220} leftSection={<IconSearch size={14} />}
            value={actorText} onChange={(event) => setActorText(event.currentTarget.value)} />
          <Select label="When" w={160} allowDeselect={false} value={range} data={sinceRanges.map(({ value, label }) => ({ value, label }))}
            onChange={(value) => update({ since: value === 'all' ? undefined : value ?? undefined })} />
        </Group>
      </Group>
      <Paper withBorder radius="lg">
        {entries.isPending ? <LoadingState label="Loading the audit log" />
          : entries.error ? <ErrorState error={entries.error} title="Could not load the audit log" onRetry={() => void entries.refetch()} />
          : entries.data.items.length === 0 ? (
            <EmptyState title={kind || actor || since ? 'No changes match these filters' : 'No changes recorded yet'}>
              {kind || actor || since ? 'Widen the time range or clear a filter.' : 'Publishing rules or playbooks, saving templates and editing users, tokens or reps appear here.'}
            </EmptyState>
          ) : (
            <>
              <AuditTable rows={entries.data.items} />
              <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                <Text size="xs" c="dimmed">{entries.data.total} change{entries.data.total === 1 ? '' : 's'}</Text>
                {entries.data.total > auditPageSize && (
                  <Pagination size="sm" total={Math.ceil(entries.data.total / auditPageSize)} value={page}
                    onChange={(p) => update({ page: String(p) })} />
                )}
              </Group>
            </>
          )}
      </Paper>
    </Stack>
  );
}

function AuditTable({ rows }: { rows: AuditEntryView[] }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Audited changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}><span className="visually-hidden">Details</span></Table.Th>
            <Table.Th w={150}>When</Table.Th>
            <Table.Th w={240}>Who</Table.Th>
            <Table.Th>What changed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((entry) => (
            <AuditRow key={entry.id} entry={entry} open={open === entry.id} onToggle={() => setOpen(open === entry.id ? null : entry.id)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AuditRow({ entry, open, onToggle }: { entry: AuditEntryView; open: boolean; onToggle: () => void }) {
  return (
    <>
      <Table.Tr data-audit-id={entry.id}>
        <Table.Td>
          <ActionIcon variant="subtle" color="gray" size="sm" onClick={onToggle} aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} the fields of change ${entry.id}`}>
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Tooltip label={dateTime(entry.at)}><Text size="sm">{timeAgo(entry.at)}</Text></Tooltip>
        </Table.Td>
        <Table.Td><Actor name={entry.actor} /></Table.Td>
        <Table.Td>
          <Group gap={8} wrap="nowrap" align="flex-start">
            <Badge size="sm" variant="light" color={kindColor(entry.kind)} tt="none" style={{ flexShrink: 0 }}>{kindName(entry.kind)} {entry.action}</Badge>
            <Text size="sm" lineClamp={2} title={entry.summary}>{entry.summary}</Text>
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={3} bg="gray.0">
            {entry.changes.length === 0 ? <Text size="sm" c="dimmed">No field values recorded ({entry.action}).</Text> : (
              <Stack gap={2} component="ul" m={0} pl="md" aria-label={`Fields of change ${entry.id}`}>
                {entry.changes.map((change) => <Text key={change.field} component="li" size="sm">{changeText(change)}</Text>)}
              </Stack>
            )}
            <Text size="xs" c="dimmed" mt={6}>{kindName(entry.kind)} {entry.entityId} · {dateTime(entry.at)}</Text>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function Actor({ name }: { name: string }) {
  const kind = actorKind(name);
  if (kind === 'person') return <Text size="sm" truncate title={name}>{name}</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      {kind === 'cli' ? <IconTerminal2 size={16} aria-hidden /> : <IconServer size={16} aria-hidden />}
      <Text size="sm" c="dimmed">{kind === 'cli' ? `Command line ${name.slice(3)}` : 'The server (start-up, folder watcher)'}</Text>
    </Group>
  );
}
