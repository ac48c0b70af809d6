import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';

/** Query keys and readers shared by the playbook pages. */
export const playbookKeys = {
  list: ['playbooks'] as const,
  activities: ['playbooks', 'activities'] as const,
  detail: (id: string, version?: number) => ['playbooks', id, 'detail', version ?? 'shown'] as const,
  versions: (id: string) => ['playbooks', id, 'versions'] as const,
  counts: (id: string, version?: number) => ['playbooks', id, 'counts', version ?? 'all'] as const,
  instances: (id: string, node: string) => ['playbooks', id, 'instances', node] as const,
  instance: (instanceId: string) => ['instances', instanceId] as const,
};

export function usePlaybooks() {
  return useQuery({ queryKey: playbookKeys.list, queryFn: () => call(api.GET('/api/playbooks')) });
}

export function useActivities() {
  return useQuery({ queryKey: playbookKeys.activities, queryFn: () => call(api.GET('/api/playbooks/activities')), staleTime: Infinity });
}

export function usePlaybook(id: string, version?: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: playbookKeys.detail(id, version),
    queryFn: () => call(api.GET('/api/playbooks/{id}', { params: { path: { id }, query: { version } } })),
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: playbookKeys.versions(id),
    queryFn: () => call(api.GET('/api/playbooks/{id}/versions', { params: { path: { id } } })),
  });
}

/** What the pickers offer: the live ruleset's tiers and the documented signal types. */
export function useVocabulary() {
  const vocabulary = useQuery({
    queryKey: ['playbooks', 'vocabulary'],
    queryFn: () => call(api.GET('/api/playbooks/vocabulary')),
    staleTime: 60_000,
  });
  return { tiers: vocabulary.data?.tiers ?? [], signalTypes: vocabulary.data?.signalTypes ?? [] };
}
