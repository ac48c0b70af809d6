import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** Today's composite scores (accounts per one-decimal composite and current tier). Under ['rules'], so a publish or a
 *  rollback, which invalidate that key, refresh it. */
export function useScoreDistribution() {
  return useQuery({
    queryKey: ['rules', 'score-distribution'] as const,
    queryFn: () => call(api.GET('/api/rules/score-distribution')),
    staleTime: 60_000,
  });
}
