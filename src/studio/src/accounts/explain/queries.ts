import { useQuery } from '@tanstack/react-query';
import { api, asText, call } from '../../api/client';

/** A draft of one rule file to explain on instead of the live rules (the rules page passes the editor's text). */
export interface ExplainDraft {
  name: string;
  text: string;
}

export const explainKeys = {
  account: (accountId: string, draft: ExplainDraft | null) => ['accounts', accountId, 'explain', draft?.name ?? 'live', draft?.text ?? ''] as const,
};

export function useAccountExplanation(accountId: string, draft: ExplainDraft | null = null) {
  return useQuery({
    queryKey: explainKeys.account(accountId, draft),
    queryFn: () => draft
      ? call(api.POST('/api/rules/{name}/explain/{accountId}', { params: { path: { name: draft.name, accountId } }, body: draft.text, ...asText }))
      : call(api.GET('/api/accounts/{id}/explain', { params: { path: { id: accountId } } })),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === accountId ? previous : undefined),
  });
}
