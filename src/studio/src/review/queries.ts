import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { type ReviewFilters, reviewPageSize } from './reviewFilters';

/** Query keys and calls of the tier review page. A decision refetches the proposals, the history and the accounts. */
export const reviewKeys = {
  all: ['tier-review'] as const,
  proposals: (filters: ReviewFilters) => ['tier-review', 'proposals', filters] as const,
  history: ['tier-review', 'history'] as const,
};

export function useProposals(filters: ReviewFilters) {
  return useQuery({
    queryKey: reviewKeys.proposals(filters),
    queryFn: () => call(api.GET('/api/tier-review/proposals', {
      params: {
        query: {
          status: filters.status, fromTier: filters.fromTier ?? undefined, toTier: filters.toTier ?? undefined,
          page: filters.page, pageSize: reviewPageSize,
        },
      },
    })),
    placeholderData: keepPreviousData,
  });
}

export function useReviewHistory() {
  return useQuery({ queryKey: reviewKeys.history, queryFn: () => call(api.GET('/api/tier-review/reviews', { params: { query: { pageSize: 5 } } })) });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['accounts'] });
  };
}

/** Approve or reject the selected proposals in one review. */
export function useDecide() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { decision: 'approve' | 'reject'; ids: number[]; note: string | null }) =>
      call(api.POST('/api/tier-review/decisions', { body: { ...body, all: false, fromTier: null, toTier: null } })),
    onSettled: refresh,
  });
}

/** Approve or reject one proposal (a 409 names why it cannot be decided). */
export function useDecideOne() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: number; decision: 'approve' | 'reject'; note: string | null }) =>
      decision === 'approve'
        ? call(api.POST('/api/tier-review/proposals/{id}/approve', { params: { path: { id } }, body: { note } }))
        : call(api.POST('/api/tier-review/proposals/{id}/reject', { params: { path: { id } }, body: { note } })),
    onSettled: refresh,
  });
}
