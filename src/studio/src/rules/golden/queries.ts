import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asText, call } from '../../api/client';
import type { components } from '../../api/schema';

export type PinAccountRequest = components['schemas']['PinAccountRequest'];
export type PinnedCase = components['schemas']['PinnedCase'];

export const goldenKeys = {
  all: ['rules', 'golden'] as const,
  run: (draft: { name: string; text: string } | null) => ['rules', 'golden', draft?.name ?? 'live', draft?.text ?? ''] as const,
};

/** The golden cases run on the live rules, or on the live rules with one file replaced by the editor's draft. */
export function useGoldenRun(draft: { name: string; text: string } | null) {
  return useQuery({
    queryKey: goldenKeys.run(draft),
    queryFn: () => draft
      ? call(api.POST('/api/rules/{name}/golden-cases', { params: { path: { name: draft.name } }, body: draft.text, ...asText }))
      : call(api.GET('/api/rules/golden-cases')),
    placeholderData: (previous) => previous,
  });
}

/** Pin an account: a new case file in rules/tests/; the list runs again. */
export function usePinAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PinAccountRequest) => call(api.POST('/api/rules/golden-cases', { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: goldenKeys.all }),
  });
}

export function useRemoveCaseFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: string) => call(api.DELETE('/api/rules/golden-cases/{file}', { params: { path: { file: file.replace(/^tests\//, '') } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: goldenKeys.all }),
  });
}
