import { Alert, Box, Button, Group, Pagination, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAccountFacets } from '../accounts/queries';
import { tierLabel } from '../accounts/TierBadge';
import { errorMessage } from '../api/problem';
import type { TierProposalView } from '../api/types';
import { EmptyState, ErrorState, LoadingState } from '../common/QueryStates';
import { dateTime } from '../common/time';
import { noSelection, selectionReducer } from '../team/selection';
import { ProposalTable } from './ProposalTable';
import { useDecide, useDecideOne, useProposals, useReviewHistory } from './queries';
import { decisionWords, filtersFromSearch, reviewPageSize, searchFromFilters, statuses, type ReviewFilters, withFilter } from './reviewFilters';

/** The managers' quarterly tier review: score-driven moves waiting for a decision, with the evidence, one by one or in bulk. */
export function TierReviewPage() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const setFilters = (next: ReviewFilters) => setSearch(searchFromFilters(next));
  const proposals = useProposals(filters);
  const facets = useAccountFacets();
  const history = useReviewHistory();
  const [selection, select] = useReducer(selectionReducer, noSelection);
  const [note, setNote] = useState('');
  const decide = useDecide();
  const decideOne = useDecideOne();

  const rows = proposals.data?.items ?? [];
  const visibleIds = rows.filter((p) => p.status === 'pending').map((p) => String(p.id)).join(',');
  useEffect(() => select({ type: 'prune', visible: visibleIds ? visibleIds.split(',') : [] }), [visibleIds]);

  const tierOptions = (facets.data?.tiers ?? []).map((t) => ({ value: t.tier, label: tierLabel(t.tier) }));
  const counts = proposals.data?.counts ?? {};
  const error = decide.error ?? decideOne.error;
  const noteOrNull = note.trim() === '' ? null : note.trim();

  const done = (result: Parameters<typeof decisionWords>[0]) => {
    select({ type: 'clear' });
    setNote('');
    notifications.show({ color: 'green', message: `Tier review recorded: ${decisionWords(result)}` });
  };
  const decideSelected = (decision: 'approve' | 'reject') => {
    decideOne.reset();
    decide.mutate({ decision, ids: selection.ids.map(Number), note: noteOrNull }, { onSuccess: done });
  };
  const decideRow = (proposal: TierProposalView, decision: 'approve' | 'reject') => {
    decide.reset();
    decideOne.mutate({ id: proposal.id, decision, note: noteOrNull }, { onSuccess: done });
  };

  return (
    <Stack p="lg" gap="md" maw={1480} w="100%" mx="auto">
      <div>
        <Title order={1} size="h2">Tier review</Title>
        <Text c="dimmed" size="sm">
          Score-driven tier moves held for a decision. Scores keep updating meanwhile; an approved move happens with its cause and
          starts and ends the tiers' playbooks, a rejected one keeps the account where it is.
        </Text>
      </div>
      {proposals.data && !proposals.data.reviewEnabled && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />} title="Review mode is off">
          Tier moves happen as the rules decide (TierReview:Enabled is false). Proposals made while it was on can still be decided.
        </Alert>
      )}
      <Paper withBorder radius="lg" style={{ overflow: 'hidden' }} component="section" aria-label="Tier proposals">
        <Group px="md" py="sm" gap="md" justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Group gap="md">
            <SegmentedControl size="xs" value={filters.status} aria-label="Status"
              onChange={(status) => { select({ type: 'clear' }); setFilters(withFilter(filters, { status })); }}
              data={statuses.map((s) => ({ value: s, label: `${s[0]!.toUpperCase()}${s.slice(1)} (${counts[s] ?? 0})` }))} />
            <Select size="xs" w={150} placeholder="Any tier" label="From" data={tierOptions} value={filters.fromTier} clearable
              onChange={(fromTier) => setFilters(withFilter(filters, { fromTier }))} />
            <Select size="xs" w={150} placeholder="Any tier" label="To" data={tierOptions} value={filters.toTier} clearable
              onChange={(toTier) => setFilters(withFilter(filters, { toTier }))} />
          </Group>
          <Group gap="xs" align="flex-end">
            <TextInput size="xs" w={260} label="Note with the decision" placeholder="e.g. Q4 review" value={note} maxLength={1000}
              onChange={(event) => setNote(event.currentTarget.value)} />
            <Button size="xs" color="green" leftSection={<IconCheck size={14} />} disabled={selection.ids.length === 0}
              loading={decide.isPending && decide.variables?.decision === 'approve'} onClick={() => decideSelected('approve')}>
              Approve selected{selection.ids.length > 0 ? ` (${selection.ids.length})` : ''}
            </Button>
            <Button size="xs" color="red" variant="light" leftSection={<IconX size={14} />} disabled={selection.ids.length === 0}
              loading={decide.isPending && decide.variables?.decision === 'reject'} onClick={() => decideSelected('reject')}>
              Reject selected
            </Button>
          </Group>
        </Group>
        {error && (
          <Alert color="red" title="The decision was not recorded" role="alert" m="md" withCloseButton
            onClose={() => { decide.reset(); decideOne.reset(); }}>
            {errorMessage(error)}
          </Alert>
        )}
        {proposals.isPending ? (
          <LoadingState label="Loading the proposals" />
        ) : proposals.error ? (
          <ErrorState error={proposals.error} title="Could not load the proposals" onRetry={() => void proposals.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title={filters.status === 'pending' ? 'Nothing waits for review' : `No ${filters.status} proposals`}>
            {filters.fromTier || filters.toTier ? 'Clear a tier filter to see more.' : 'Score-driven moves of the reviewed kinds appear here as evaluations make them.'}
          </EmptyState>
        ) : (
          <Box style={{ opacity: proposals.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <ProposalTable proposals={rows} selection={selection} onSelect={select} onDecide={decideRow}
              busyId={decideOne.isPending ? decideOne.variables?.id ?? null : null} />
            {proposals.data.total > reviewPageSize && (
              <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                <Text size="xs" c="dimmed">
                  {(filters.page - 1) * reviewPageSize + 1}–{Math.min(filters.page * reviewPageSize, proposals.data.total)} of {proposals.data.total}
                </Text>
                <Pagination size="sm" total={Math.ceil(proposals.data.total / reviewPageSize)} value={filters.page}
                  onChange={(page) => setFilters({ ...filters, page })} aria-label="Pages" />
              </Group>
            )}
          </Box>
        )}
      </Paper>
      <Paper withBorder radius="lg" p="md" component="section" aria-label="Recent reviews">
        <Text fw={600} size="sm" mb="xs">Recent reviews</Text>
        {history.isPending ? (
          <LoadingState label="Loading the reviews" />
        ) : history.error ? (
          <ErrorState error={history.error} title="Could not load the reviews" onRetry={() => void history.refetch()} />
        ) : history.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">No decisions yet.</Text>
        ) : (
          <Stack gap={4}>
            {history.data.items.map((r) => (
              <Text key={r.id} size="sm">
                {dateTime(r.decidedAt)} · {r.decidedBy} · {decisionWords({ ...r, skippedProposals: [] })}
                {r.note ? ` · “${r.note}”` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
