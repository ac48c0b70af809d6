import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { apiQuery, type AccountTableState } from './table/tableState';

/** Query keys and calls of the accounts area. */
export const accountKeys = {
  all: ['accounts'] as const,
  list: (state: AccountTableState) => ['accounts', 'list', apiQuery(state)] as const,
  facets: ['accounts', 'facets'] as const,
  one: (id: string) => ['accounts', 'one', id] as const,
  signals: (id: string) => ['accounts', 'signals', id] as const,
};

/** One page of the table; the previous page stays on screen while the next one loads, so the table does not jump. */
export function useAccountList(state: AccountTableState) {
  return useQuery({
    queryKey: accountKeys.list(state),
    queryFn: () => call(api.GET('/api/accounts', { params: { query: apiQuery(state) } })),
    placeholderData: keepPreviousData,
  });
}

export const accountFacetsQuery = { queryKey: accountKeys.facets, queryFn: () => call(api.GET('/api/accounts/facets')), staleTime: 60_000 };

export function useAccountFacets() {
  return useQuery(accountFacetsQuery);
}

export function useAccount(id: string) {
  return useQuery({ queryKey: accountKeys.one(id), queryFn: () => call(api.GET('/api/accounts/{id}', { params: { path: { id } } })) });
}

/** How many signals the timeline reads at a time. */
export const signalPageSize = 15;

/** The account's signals, newest first, a page at a time ("Show older"). */
export function useAccountSignals(accountId: string) {
  return useInfiniteQuery({
    queryKey: accountKeys.signals(accountId),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/signals', { params: { query: { accountId, page: pageParam, pageSize: signalPageSize } } })),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.pageNumber * last.pageSize < last.total ? last.pageNumber + 1 : undefined),
  });
}
