import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { ApiError } from '../api/problem';
import type { components } from '../api/schema';
import type { RuleProblem } from './ruleProblems';

export type WhatIfReport = components['schemas']['WhatIfReport'];

export const ruleKeys = {
  ruleset: ['rules'] as const,
  versions: ['rules', 'versions'] as const,
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

/** The file's text goes as it is, whatever it holds; the server reads and names what is wrong. */
export const asText = { bodySerializer: (text: unknown) => text as string, headers: { 'Content-Type': 'text/plain' } };

/** The problems of a refusal (422), or rethrows any other error. */
export function problemsOf(error: unknown): RuleProblem[] {
  if (error instanceof ApiError && error.status === 422) return (error.problem.problems ?? []) as unknown as RuleProblem[];
  throw error;
}
