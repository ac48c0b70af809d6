import { ActionIcon, Anchor, Badge, Box, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowRight, IconCheck, IconX } from '@tabler/icons-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { TierBadge } from '../accounts/TierBadge';
import type { TierProposalView } from '../api/types';
import { dateTime, timeAgo } from '../common/time';
import { headerState, type Selection, type SelectionAction } from '../team/selection';

/**
 * Tier proposals with their evidence, a checkbox each (pending ones) and per-row approve/reject. Keyboard: ↑/↓ (or k/j)
 * move between rows, Space (or x) selects the row, Shift with it selects the range, Escape clears the selection.
 */
export function ProposalTable({ proposals, selection, onSelect, onDecide, busyId }: {
  proposals: TierProposalView[];
  selection: Selection;
  onSelect: (action: SelectionAction) => void;
  onDecide: (proposal: TierProposalView, decision: 'approve' | 'reject') => void;
  busyId: number | null;
}) {
  const pending = proposals.filter((p) => p.status === 'pending');
  const ids = pending.map((p) => String(p.id));
  const [cursor, setCursor] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const header = headerState(selection, ids);

  const focusRow = (id: string) => {
    setCursor(id);
    body.current?.querySelector<HTMLElement>(`tr[data-proposal-id="${CSS.escape(id)}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-proposal-id]');
    const id = row?.dataset.proposalId;
    if (!id) return;
    const all = proposals.map((p) => String(p.id));
    const index = all.indexOf(id);
    const key = event.key;
    if ((key === 'ArrowDown' || key === 'j') && index < all.length - 1) focusRow(all[index + 1]!);
    else if ((key === 'ArrowUp' || key === 'k') && index > 0) focusRow(all[index - 1]!);
    else if ((key === ' ' || key === 'x' || key === 'X') && event.target === row && ids.includes(id)) onSelect({ type: 'toggle', id, range: event.shiftKey, visible: ids });
    else if (key === 'Escape') onSelect({ type: 'clear' });
    else return;
    event.preventDefault();
  };

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing={8} horizontalSpacing="md" highlightOnHover aria-label="Tier proposals" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox aria-label="Select every pending proposal on this page" checked={header === 'all'} indeterminate={header === 'some'}
                disabled={ids.length === 0} onChange={() => onSelect({ type: 'all', visible: ids })} />
            </Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th w={210}>Move</Table.Th>
            <Table.Th w={90} ta="right">Score</Table.Th>
            <Table.Th>Evidence</Table.Th>
            <Table.Th w={150}>Proposed</Table.Th>
            <Table.Th w={120} ta="right">Decide</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={body} onKeyDown={onKeyDown}>
          {proposals.map((p) => {
            const id = String(p.id);
            const selected = selection.ids.includes(id);
            const focusable = (cursor && proposals.some((q) => String(q.id) === cursor) ? cursor : String(proposals[0]?.id)) === id;
            const open = p.status === 'pending';
            return (
              <Table.Tr key={id} data-proposal-id={id} tabIndex={focusable ? 0 : -1} onFocus={() => setCursor(id)}
                bg={selected ? 'indigo.0' : undefined} aria-label={`${p.accountName}: ${p.fromTier} to ${p.toTier}`}>
                <Table.Td>
                  {open && (
                    <Checkbox aria-label={`Select ${p.accountName}`} checked={selected} tabIndex={-1} onChange={() => undefined}
                      onClick={(event) => onSelect({ type: 'toggle', id, range: event.shiftKey, visible: ids })} />
                  )}
                </Table.Td>
                <Table.Td style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/accounts/${encodeURIComponent(p.accountId)}`} size="sm" fw={600} lineClamp={1}>{p.accountName}</Anchor>
                  <Text size="xs" c="dimmed" truncate>{p.ownerName ?? p.ownerId ?? 'No owner'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" aria-label={`${p.direction} from ${p.fromTier} to ${p.toTier}`}>
                    <TierBadge tier={p.fromTier} style={{ flexShrink: 0, overflow: 'visible' }} />
                    <IconArrowRight size={14} style={{ flexShrink: 0 }}
                      color={p.direction === 'demotion' ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-green-6)'} />
                    <TierBadge tier={p.toTier} style={{ flexShrink: 0, overflow: 'visible' }} />
                  </Group>
                  <Text size="xs" c={p.direction === 'demotion' ? 'orange.7' : 'green.7'} mt={2}>{p.direction}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" fw={600}>{p.composite.toFixed(1)}</Text>
                  <Tooltip label={Object.entries(p.components).map(([name, value]) => `${name} ${value.toFixed(0)}`).join(' · ') || 'no components'}>
                    <Text size="xs" c="dimmed" style={{ cursor: 'help' }}>components</Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td style={{ minWidth: 0 }}>
                  <Stack gap={2}>
                    {p.reasons.slice(0, 3).map((reason) => <Text key={reason} size="xs" lineClamp={1} title={reason}>{reason}</Text>)}
                    {p.reasons.length === 0 && <Text size="xs" c="dimmed">No points from any rule</Text>}
                    <Group gap={4}>
                      {p.causeRules.map((rule) => <Badge key={rule} size="xs" variant="outline" tt="none">{rule}</Badge>)}
                      {p.causeSignalIds.length > 0 && (
                        <Tooltip label={p.causeSignalIds.join(', ')}><Badge size="xs" color="gray" variant="light" tt="none">{p.causeSignalIds.length} signal{p.causeSignalIds.length === 1 ? '' : 's'}</Badge></Tooltip>
                      )}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={dateTime(p.proposedAt)}>{timeAgo(p.proposedAt)}</Text>
                  {p.updatedAt !== p.proposedAt && <Text size="xs" c="dimmed">updated {timeAgo(p.updatedAt)}</Text>}
                </Table.Td>
                <Table.Td ta="right">
                  {open ? (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label="Approve: make the move now">
                        <ActionIcon variant="light" color="green" aria-label={`Approve ${p.accountName}`} loading={busyId === p.id}
                          onClick={() => onDecide(p, 'approve')}><IconCheck size={16} /></ActionIcon>
                      </Tooltip>
                      <Tooltip label="Reject: keep the tier">
                        <ActionIcon variant="light" color="red" aria-label={`Reject ${p.accountName}`} disabled={busyId === p.id}
                          onClick={() => onDecide(p, 'reject')}><IconX size={16} /></ActionIcon>
                      </Tooltip>
                    </Group>
                  ) : (
                    <Box>
                      <Badge size="sm" variant="light" color={p.status === 'approved' ? 'green' : p.status === 'rejected' ? 'red' : 'gray'}>{p.status}</Badge>
                      {p.decidedBy && <Text size="xs" c="dimmed" truncate title={p.note ?? undefined}>{p.decidedBy}</Text>}
                    </Box>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
