import { Avatar, Badge, Box, Group, Progress, Stack, Table, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { dateTime, timeAgo } from '../../common/time';
import { initials } from '../initials';
import { signalLabel } from '../signalWords';
import { MotionLabel } from '../MotionBadge';
import { TierBadge, tierColor, tierLabel } from '../TierBadge';
import type { AccountRow, AccountSort, SortDirection } from '../types';

const columns: { sort: AccountSort | null; label: string; width?: number; align?: 'right' }[] = [
  { sort: 'name', label: 'Account' },
  { sort: 'tier', label: 'Tier', width: 150 },
  { sort: 'score', label: 'Score', width: 140 },
  { sort: 'lastSignal', label: 'Last signal', width: 170 },
  { sort: 'owner', label: 'Owner', width: 200 },
  { sort: null, label: 'Segments', width: 230 },
];

/**
 * The accounts of one page. Rows are one tab stop: arrow keys (and j/k, Home, End) move between them, Enter or a
 * click opens the account; the name is also a link, for a new tab. Column headers sort; a second click turns around.
 */
export function AccountTable({ rows, sort, dir, onSort, busy }: {
  rows: AccountRow[]; sort: AccountSort; dir: SortDirection; onSort: (sort: AccountSort) => void; busy: boolean;
}) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const [cursor, setCursor] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const ids = rows.map((r) => r.id).join('\n');
  useEffect(() => setCursor(0), [ids]); // a new page starts at its first row

  // The account page links back to this very view (filters, sort, page) through the navigation state.
  const open = (id: string) => navigate(`/accounts/${encodeURIComponent(id)}`, { state: { from: search } });
  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setCursor(next);
    body.current?.querySelectorAll<HTMLElement>('tr[data-account-id]')[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, j: index + 1, ArrowUp: index - 1, k: index - 1, Home: 0, End: rows.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusRow(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(id);
    }
  };

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Accounts" aria-busy={busy}
        style={{ opacity: busy ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.label} w={c.width} aria-sort={c.sort === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {c.sort ? <SortButton label={c.label} active={c.sort === sort} dir={dir} onClick={() => onSort(c.sort!)} /> : c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={body}>
          {rows.map((row, index) => (
            <Table.Tr key={row.id} data-account-id={row.id} tabIndex={index === cursor ? 0 : -1} style={{ cursor: 'pointer' }}
              aria-label={rowLabel(row)} onClick={() => open(row.id)} onFocus={() => setCursor(index)}
              onKeyDown={(e) => onKeyDown(e, index, row.id)}>
              <Table.Td><AccountCell row={row} search={search} /></Table.Td>
              <Table.Td><TierCell row={row} /></Table.Td>
              <Table.Td><ScoreCell composite={row.composite} tier={row.tier} /></Table.Td>
              <Table.Td><LastSignalCell row={row} /></Table.Td>
              <Table.Td><OwnerCell row={row} /></Table.Td>
              <Table.Td><SegmentsCell row={row} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The rules' segments as small badges (the first two, then "+N"), a customer's motion, and the lifecycle and country. */
function SegmentsCell({ row }: { row: AccountRow }) {
  const shown = row.inSegments.slice(0, 2);
  const more = row.inSegments.length - shown.length;
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        {row.inSegments.length === 0 && <Text size="sm" c="dimmed">—</Text>}
        {shown.map((segment) => <Badge key={segment} size="sm" variant="light" color="gray" radius="sm" tt="none" maw={120}>{segment}</Badge>)}
        {more > 0 && (
          <Tooltip label={row.inSegments.slice(2).join(', ')}>
            <Badge size="sm" variant="outline" color="gray" radius="sm" tt="none" aria-label={`and ${row.inSegments.slice(2).join(', ')}`}>+{more}</Badge>
          </Tooltip>
        )}
      </Group>
      <Text size="xs" c="dimmed" truncate maw={220}>
        {row.motion ? <MotionLabel motion={row.motion} /> : row.lifecycle}{row.country ? ` · ${row.country}` : ''}
      </Text>
    </Stack>
  );
}

function SortButton({ label, active, dir, onClick }: { label: string; active: boolean; dir: SortDirection; onClick: () => void }) {
  const Icon = !active ? IconSelector : dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <UnstyledButton onClick={onClick} aria-label={`Sort by ${label.toLowerCase()}`} fw={600} fz="sm">
      <Group gap={4} wrap="nowrap">
        {label}
        <Icon size={14} stroke={active ? 2.4 : 1.5} color={active ? 'var(--mantine-color-indigo-6)' : 'var(--mantine-color-gray-5)'} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}

/** What a screen reader says for a row: enough to choose it without reading every cell. */
function rowLabel(row: AccountRow): string {
  const score = row.composite == null ? 'no score' : `score ${row.composite.toFixed(1)}`;
  const owner = row.aeOwner ?? row.sdrOwner;
  return `${row.name}, ${tierLabel(row.tier)}, ${score}, ${owner ? `owned by ${owner.name ?? owner.id}` : 'no owner'}`;
}

function AccountCell({ row, search }: { row: AccountRow; search: string }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar size={34} radius="md" color={tierColor(row.tier)} variant="light" aria-hidden>{initials(row.name)}</Avatar>
      <Box miw={0}>
        <Group gap={6} wrap="nowrap">
          <Text component={Link} to={`/accounts/${encodeURIComponent(row.id)}`} state={{ from: search }} tabIndex={-1} fw={600} c="indigo.8" size="sm" truncate
            style={{ textDecoration: 'none' }} onClick={(e) => e.stopPropagation()}>
            {row.name}
          </Text>
          {row.reviewFlag && (
            <Tooltip label={`Review: ${row.reviewFlag}`} multiline w={260}>
              <ThemeIcon size={18} radius="xl" color="orange" variant="light" aria-label={`Flagged for review: ${row.reviewFlag}`}>
                <IconAlertTriangle size={12} />
              </ThemeIcon>
            </Tooltip>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate>{[row.domain, row.industry].filter(Boolean).join(' · ') || row.id}</Text>
      </Box>
    </Group>
  );
}

function TierCell({ row }: { row: AccountRow }) {
  return (
    <Stack gap={2} align="flex-start">
      <TierBadge tier={row.tier} size="sm" />
      {row.tierSince && (
        <Tooltip label={`In ${tierLabel(row.tier)} since ${dateTime(row.tierSince)}`}>
          <Text size="xs" c="dimmed">since {timeAgo(row.tierSince).replace(/ ago$/, '')}</Text>
        </Tooltip>
      )}
    </Stack>
  );
}

export function ScoreCell({ composite, tier }: { composite: number | null; tier: string | null }) {
  if (composite == null) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={600} w={38} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{composite.toFixed(1)}</Text>
      <Progress value={composite} color={tierColor(tier)} size="sm" radius="xl" w={70} aria-hidden />
    </Group>
  );
}

function LastSignalCell({ row }: { row: AccountRow }) {
  if (!row.lastSignalAt) return <Text size="sm" c="dimmed">No signal yet</Text>;
  return (
    <Tooltip label={dateTime(row.lastSignalAt)}>
      <div>
        <Text size="sm">{timeAgo(row.lastSignalAt)}</Text>
        {row.lastSignalType && <Text size="xs" c="dimmed" truncate>{signalLabel(row.lastSignalType)}</Text>}
      </div>
    </Tooltip>
  );
}

function OwnerCell({ row }: { row: AccountRow }) {
  const owner = row.aeOwner ?? row.sdrOwner;
  if (!owner) return <Text size="sm" c="dimmed">No owner</Text>;
  const name = owner.name ?? owner.id;
  return (
    <Group gap="xs" wrap="nowrap">
      <Avatar size={26} radius="xl" color="indigo" aria-hidden>{initials(name)}</Avatar>
      <Box miw={0}>
        <Text size="sm" truncate>{name}</Text>
        <Text size="xs" c="dimmed" truncate>
          {row.aeOwner ? (row.sdrOwner ? `AE · SDR ${row.sdrOwner.name ?? row.sdrOwner.id}` : 'AE') : 'SDR'}
        </Text>
      </Box>
    </Group>
  );
}
