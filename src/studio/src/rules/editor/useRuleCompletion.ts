import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, call } from '../../api/client';
import { useRuleset } from '../queries';
import { ruleCompletion } from './ruleCompletion';

/** The rule editor's completion, from the server's vocabulary (fixed while the server runs) and the live ruleset's
 *  tiers and components. Until the vocabulary arrives the editor simply has no completion. */
export function useRuleCompletion() {
  const vocabulary = useQuery({
    queryKey: ['rules', 'vocabulary'],
    queryFn: () => call(api.GET('/api/rules/vocabulary')),
    staleTime: Infinity,
  });
  const ruleset = useRuleset();
  const tiers = ruleset.data?.tiers;
  const components = ruleset.data?.components;
  return useMemo(() => ruleCompletion(vocabulary.data, { tiers: tiers?.map((t) => t.tier) ?? [], components: components ?? [] }),
    [vocabulary.data, tiers, components]);
}
