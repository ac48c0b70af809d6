import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import { playbookKeys } from '../../queries';

/** How many running instances wait at each node of the live version, and how many of those are past their SLA;
 *  refreshed every 10 seconds while the live view is open. */
export function useLiveCounts(id: string, version: number | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: playbookKeys.counts(id, version ?? undefined),
    queryFn: async () => {
      const counts = await call(api.GET('/api/playbooks/{id}/instances/nodes', { params: { path: { id }, query: { version: version ?? undefined } } }));
      return { waiting: counts.waitingAtNode, pastSla: counts.pastSlaAtNode, statuses: counts.statuses };
    },
    enabled: enabled && version != null,
    refetchInterval: 10_000,
  });
}
