import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** Query keys and calls of the CRM sync page. */
export const crmKeys = {
  all: ['admin', 'crm'] as const,
  summary: ['admin', 'crm', 'summary'] as const,
  updates: (status: string, page: number) => ['admin', 'crm', 'updates', status, page] as const,
};

export const crmPageSize = 25;

/** Whether the sync is on and how many account updates wait, went out or are dead letters; refreshed every 15 s. */
export function useCrmSummary() {
  return useQuery({ queryKey: crmKeys.summary, queryFn: () => call(api.GET('/api/crm/summary')), refetchInterval: 15_000 });
}

export function useCrmUpdates(status: string, page: number) {
  return useQuery({
    queryKey: crmKeys.updates(status, page),
    queryFn: () => call(api.GET('/api/crm/updates', { params: { query: { status, page, pageSize: crmPageSize } } })),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

/** Revives a dead letter; the counts and lists are loaded again (the sender picks it up within seconds). */
export function useRetryCrmUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => call(api.POST('/api/crm/updates/{accountId}/retry', { params: { path: { accountId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: crmKeys.all }),
  });
}
