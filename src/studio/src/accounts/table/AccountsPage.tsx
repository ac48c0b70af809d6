import { Button, Group, Loader, Pagination, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconFilterOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth/useMe';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { canImportAccounts } from '../access';
import { useAccountFacets, useAccountList } from '../queries';
import { tierLabel } from '../TierBadge';
import { AccountFilters, TierChips } from './AccountFilters';
import { AccountTable } from './AccountTable';
import {
  type AccountTableState, clearFilters, effectiveDirection, filterCount, pageSizes, paramsFromState, sortBy, stateFromParams, withFilters,
} from './tableState';

/** Every account the caller may see, filtered, sorted and paged on the server; the view lives in the address. */
export function AccountsPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => stateFromParams(params), [params]);
  const me = useMe();
  const list = useAccountList(state);
  const facets = useAccountFacets();
  const show = (next: AccountTableState) => setParams(paramsFromState(next));

  const total = list.data?.total ?? 0;
  const first = total === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const pages = Math.max(1, Math.ceil(total / state.pageSize));
  return (
    <Stack p="lg" gap="md" maw={1400} w="100%" mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">Accounts</Title>
          <Text c="dimmed" size="sm">{summary(facets.data)}</Text>
        </div>
        {canImportAccounts(me.data?.role) && (
          <Button component={Link} to="/accounts/import" variant="light" leftSection={<IconFileImport size={16} />}>Import accounts</Button>
        )}
      </Group>
      <TierChips state={state} facets={facets.data} onChange={(tiers) => show(withFilters(state, { tiers }))} />
      <AccountFilters state={state} facets={facets.data} hasRep={!!me.data?.repId}
        onChange={(change) => show(withFilters(state, change))} onClear={() => show(clearFilters(state))} />
      <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <LoadingState label="Loading accounts" />
        ) : list.error ? (
          <Stack gap={0} align="flex-start" pb="md">
            <ErrorState error={list.error} title="Could not list the accounts" onRetry={() => void list.refetch()} />
            {filterCount(state) > 0 && (
              <Button mx="md" variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => show(clearFilters(state))}>Clear filters</Button>
            )}
          </Stack>
        ) : list.data.items.length === 0 ? (
          filterCount(state) > 0 || state.page > 1 ? (
            <EmptyState title="No account matches" action={<Button variant="light" onClick={() => show(clearFilters(state))}>Clear filters</Button>}>
              Nothing fits {describe(state)}.
            </EmptyState>
          ) : (
            <EmptyState title="No accounts yet"
              action={canImportAccounts(me.data?.role) ? <Button component={Link} to="/accounts/import">Import accounts</Button> : undefined}>
              Accounts arrive by import (CSV or JSON from your CRM) or through the API; each is scored and tiered at once.
            </EmptyState>
          )
        ) : (
          <AccountTable rows={list.data.items} sort={state.sort} dir={effectiveDirection(state)} busy={list.isPlaceholderData}
            onSort={(sort) => show(sortBy(state, sort))} />
        )}
        {list.data && total > 0 && (
          <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Group gap="xs">
              <Text size="sm" c="dimmed" aria-live="polite">
                {first.toLocaleString()}–{(first + list.data.items.length - 1).toLocaleString()} of {total.toLocaleString()}
              </Text>
              {list.isFetching && <Loader size={14} aria-label="Loading" />}
            </Group>
            <Group gap="md">
              <Select aria-label="Rows per page" w={130} size="xs" allowDeselect={false} value={String(state.pageSize)}
                data={pageSizes.map((n) => ({ value: String(n), label: `${n} per page` }))}
                onChange={(v) => show({ ...state, pageSize: Number(v), page: 1 })} />
              <Pagination total={pages} value={Math.min(state.page, pages)} onChange={(page) => show({ ...state, page })} size="sm"
                getControlProps={(control) => ({ 'aria-label': `${control} page` })} getItemProps={(page) => ({ 'aria-label': `Page ${page}` })} />
            </Group>
          </Group>
        )}
      </Paper>
    </Stack>
  );
}

function summary(facets: ReturnType<typeof useAccountFacets>['data']): string {
  if (!facets) return 'Every account with its tier, score, latest signal and owners.';
  const best = facets.tiers[0];
  return [
    `${facets.total.toLocaleString()} accounts`,
    best ? `${best.count.toLocaleString()} in ${tierLabel(best.tier)}` : null,
    `${facets.unowned.toLocaleString()} without an owner`,
    facets.unscored ? `${facets.unscored.toLocaleString()} not scored yet` : null,
  ].filter(Boolean).join(' · ');
}

function describe(state: AccountTableState): string {
  const parts = [
    state.q && `“${state.q}”`,
    state.tiers.length && state.tiers.map(tierLabel).join(' or '),
    state.owner && (state.owner === 'me' ? 'your accounts' : state.owner === 'none' ? 'no owner' : `owner ${state.owner}`),
    state.segments.length && state.segments.join(' or '),
    state.lifecycle && `${state.lifecycle.toLowerCase()}s`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'this page';
}
