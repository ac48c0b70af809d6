import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { TaskPage } from '../api/types';

/** Query keys and calls of the inbox. */
export const taskKeys = {
  inbox: ['tasks', 'inbox'] as const,
};

/** How many open tasks the inbox shows at once; the rest wait for the first ones to be done. */
export const inboxPageSize = 100;

/**
 * The signed-in person's open tasks in the server's order (tier, score, SLA due, due): a rep's own, a manager's team
 * and queues. New tasks appear without a reload because the list is polled: refetched every 30 seconds while the
 * page is visible (react-query's refetchInterval), and again when the window regains focus.
 */
export function useInbox() {
  return useQuery({
    queryKey: taskKeys.inbox,
    queryFn: () => call(api.GET('/api/tasks', { params: { query: { pageSize: inboxPageSize } } })),
    refetchInterval: 30_000,
  });
}

/** Drops a task from the cached list at once (the next refetch confirms it). */
function useRemoveFromInbox() {
  const queryClient = useQueryClient();
  return (id: string) => {
    queryClient.setQueryData<TaskPage>(taskKeys.inbox, (page) =>
      page ? { ...page, items: page.items.filter((t) => t.id !== id), total: Math.max(0, page.total - 1) } : page);
    void queryClient.invalidateQueries({ queryKey: taskKeys.inbox });
  };
}

export function useCompleteTask() {
  const remove = useRemoveFromInbox();
  return useMutation({
    mutationFn: ({ id, outcome, note }: { id: string; outcome: string; note: string }) =>
      call(api.POST('/api/tasks/{id}/complete', { params: { path: { id } }, body: { outcome, note: note.trim() || null } })),
    onSuccess: (task) => remove(task.id),
  });
}

export function useSnoozeTask() {
  const remove = useRemoveFromInbox();
  return useMutation({
    mutationFn: ({ id, until }: { id: string; until: Date }) =>
      call(api.POST('/api/tasks/{id}/snooze', { params: { path: { id } }, body: { until: until.toISOString() } })),
    onSuccess: (task) => remove(task.id),
  });
}
