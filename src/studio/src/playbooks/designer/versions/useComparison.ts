import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, call } from '../../../api/client';
import { type DefinitionDiff, diffDefinitions, unionDefinition } from '../../model/diff';
import type { PlaybookDefinition } from '../../model/definition';
import { playbookKeys } from '../../queries';

export interface Comparison {
  active: boolean;
  versions: [number, number] | null;
  loading: boolean;
  error: unknown;
  diff: DefinitionDiff | null;
  union: PlaybookDefinition | null;
}

/** Two versions of a playbook, drawn as one canvas: the union of both, each node and edge marked added, removed or changed. */
export function useComparison(id: string, versions: [number, number] | null): Comparison {
  const results = useQueries({
    queries: (versions ?? []).map((version) => ({
      queryKey: playbookKeys.detail(id, version),
      queryFn: () => call(api.GET('/api/playbooks/{id}', { params: { path: { id }, query: { version } } })),
    })),
  });
  const [before, after] = results.map((r) => r.data?.definition);
  return useMemo(() => {
    const ready = versions && before && after;
    return {
      active: versions !== null,
      versions,
      loading: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      diff: ready ? diffDefinitions(before, after) : null,
      union: ready ? unionDefinition(before, after) : null,
    };
  }, [versions, before, after, results]);
}
