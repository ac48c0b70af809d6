import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type TemplateSummary = components['schemas']['TemplateSummary'];

/** Query keys of the Templates area. The list keeps the key the designer's template picker uses too. */
export const templateKeys = {
  list: ['templates'] as const,
  file: (name: string) => ['templates', 'file', name] as const,
  fields: ['templates', 'fields'] as const,
  usages: (name: string) => ['templates', 'usages', name] as const,
  preview: (name: string, ...rest: unknown[]) => ['templates', 'preview', name, ...rest] as const,
  signals: (accountId: string) => ['signals', 'recent', accountId] as const,
};

export function useTemplates() {
  return useQuery({ queryKey: templateKeys.list, queryFn: () => call(api.GET('/api/templates')) });
}

/** The file's text as it is in the templates folder (what the editor starts from). */
export function useTemplateFile(name: string) {
  return useQuery({
    queryKey: templateKeys.file(name),
    queryFn: async () => (await api.GET('/api/templates/{name}', { params: { path: { name } }, parseAs: 'text' })).data as string,
    staleTime: Infinity,
  });
}

/** Every variable and field of the template model; the server generates it from the model, so it changes only with a new server. */
export function useTemplateFields() {
  return useQuery({ queryKey: templateKeys.fields, queryFn: () => call(api.GET('/api/templates/fields')), staleTime: Infinity });
}

export function useTemplateUsages(name: string) {
  return useQuery({ queryKey: templateKeys.usages(name), queryFn: () => call(api.GET('/api/templates/{name}/usages', { params: { path: { name } } })) });
}

/** The account's newest signals, to preview a template as the task a signal started. */
export function useRecentSignals(accountId: string | null) {
  return useQuery({
    queryKey: templateKeys.signals(accountId ?? ''),
    queryFn: () => call(api.GET('/api/signals', { params: { query: { accountId: accountId!, pageSize: 25 } } })),
    enabled: accountId !== null,
  });
}
