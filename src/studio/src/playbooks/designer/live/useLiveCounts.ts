import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import { playbookKeys } from '../../queries';

/** How many running instances wait at each node (every version they run on: instances stay on the version they
 *  started on), and how many of those are past their SLA; refreshed every 10 seconds while the live view is open. */
export function useLiveCounts(id: string, enabled: boolean) {
  return useQuery({
    queryKey: playbookKeys.counts(id),
    queryFn: async () => {
      const counts = await call(api.GET('/api/playbooks/{id}/instances/nodes', { params: { path: { id } } }));
      return { waiting: counts.waitingAtNode, pastSla: counts.pastSlaAtNode, statuses: counts.statuses };
    },
    enabled,
    refetchInterval: 10_000,
  });
}
