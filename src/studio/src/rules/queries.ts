import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type RuleVersion = components['schemas']['VersionView'];
export type RuleVersionDetail = components['schemas']['VersionDetail'];

export const ruleKeys = {
  ruleset: ['rules'] as const,
  versions: ['rules', 'versions'] as const,
  version: (id: string) => ['rules', 'versions', id] as const,
  file: (name: string) => ['rules', 'file', name] as const,
};

export function useRuleset() {
  return useQuery({ queryKey: ruleKeys.ruleset, queryFn: () => call(api.GET('/api/rules')) });
}

export function useRuleVersions() {
  return useQuery({ queryKey: ruleKeys.versions, queryFn: () => call(api.GET('/api/rules/versions')) });
}

/** A rule file's text exactly as stored (not re-serialized), so the editor's lines are the file's lines. */
export function useRuleFile(name: string) {
  return useQuery({
    queryKey: ruleKeys.file(name),
    queryFn: async () => (await api.GET('/api/rules/{name}', { params: { path: { name } }, parseAs: 'text' })).data as string,
    staleTime: Infinity,
  });
}

/** One version with its files' text (a version never changes, so it is read once). */
export function useRuleVersion(id: string | null) {
  return useQuery({
    queryKey: ruleKeys.version(id ?? ''),
    queryFn: () => call(api.GET('/api/rules/versions/{version}', { params: { path: { version: id! } } })),
    enabled: !!id,
    staleTime: Infinity,
  });
}
