import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { type TeamFilters, tasksQuery } from './teamFilters';

/** Query keys and calls of the team view. Everything under ['team'] is refetched after a change to the team's work. */
export const teamKeys = {
  all: ['team'] as const,
  overview: (timeZone: string) => ['team', 'overview', timeZone] as const,
  tasks: (filters: TeamFilters, timeZone: string) => ['team', 'tasks', filters, timeZone] as const,
};

/** Members, absences, queues and counts; polled like the inbox (30 s) so a manager sees new work without a reload. */
export function useTeamOverview(timeZone: string) {
  return useQuery({
    queryKey: teamKeys.overview(timeZone),
    queryFn: () => call(api.GET('/api/team', { params: { query: { timeZone } } })),
    refetchInterval: 30_000,
  });
}

export function useTeamTasks(filters: TeamFilters, timeZone: string) {
  return useQuery({
    queryKey: teamKeys.tasks(filters, timeZone),
    queryFn: () => call(api.GET('/api/team/tasks', { params: { query: tasksQuery(filters, timeZone) } })),
    placeholderData: keepPreviousData, // the table stays while the next filter's rows load
    refetchInterval: 30_000,
  });
}

/** After a change, the team view and every inbox list are stale. */
function useRefreshTeam() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: teamKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
}

export function useReassignTasks() {
  const refresh = useRefreshTeam();
  return useMutation({
    mutationFn: (body: { taskIds: string[]; repId: string | null; queue: string | null }) =>
      call(api.POST('/api/tasks/reassign', { body })),
    onSuccess: refresh,
  });
}

export function useMarkOutOfOffice() {
  const refresh = useRefreshTeam();
  return useMutation({
    mutationFn: ({ repId, ...body }: { repId: string; from: string; until: string; policy: 'pause' | 'reassign'; to: string | null }) =>
      call(api.POST('/api/reps/{id}/out-of-office', { params: { path: { id: repId } }, body })),
    onSuccess: refresh,
  });
}

export function useEndOutOfOffice() {
  const refresh = useRefreshTeam();
  return useMutation({
    mutationFn: (repId: string) => call(api.DELETE('/api/reps/{id}/out-of-office', { params: { path: { id: repId } } })),
    onSuccess: refresh,
  });
}
