import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Vocabulary } from './designer/inspector/InputField';

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

/** What the pickers offer: the live ruleset's tiers and trigger rules, the documented signal types (and any seen in
 *  real signals), and the length of a working day, which business-time durations are worded with. */
export function useVocabulary(): Vocabulary {
  const vocabulary = useQuery({
    queryKey: ['playbooks', 'vocabulary'],
    queryFn: () => call(api.GET('/api/playbooks/vocabulary')),
    staleTime: 60_000,
  });
  const v = vocabulary.data;
  return {
    tiers: v?.tiers.map((t) => t.tier) ?? [],
    signalTypes: [...new Set([...(v?.signalTypes.map((t) => t.type) ?? []), ...(v?.observedSignalTypes ?? [])])],
    triggerRules: v?.triggerRules ?? [],
    segments: v?.segments ?? [],
    motions: v?.motions ?? [],
    customFields: v?.customFields ?? [],
    hoursPerDay: v ? hoursBetween(v.calendar.workdayStart, v.calendar.workdayEnd) : 8,
  };
}

function hoursBetween(start: string, end: string): number {
  const minutes = (t: string) => { const [h = 0, m = 0] = t.split(':').map(Number); return h * 60 + m; };
  return Math.max(1, (minutes(end) - minutes(start)) / 60);
}
