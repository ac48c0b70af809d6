import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { refusedProblems } from '../../api/problem';
import type { components } from '../../api/schema';
import { templateKeys } from '../queries';
import type { TemplateProblem } from '../templateProblems';

export type PreviewView = components['schemas']['PreviewView'];
export type PreviewResult = { task: PreviewView; problems: [] } | { task: null; problems: TemplateProblem[] };

/** Who the preview renders for: a real account and, optionally, the signal that started the task. */
export interface PreviewTarget {
  accountId: string | null;
  signalId: string | null;
}

/** Renders `text` (the editor's, checked a moment after typing stops) or, with `text` null, the live version, for the
 *  target. A refusal (422) is a result with the problems at their line and column, not an error. */
export function useTemplatePreview(name: string, target: PreviewTarget, text: string | null, enabled = true) {
  const [checked] = useDebouncedValue(text, 400);
  const query = useQuery({
    queryKey: templateKeys.preview(name, target.accountId, target.signalId, checked),
    queryFn: async (): Promise<PreviewResult> => {
      try {
        const task = await call(api.POST('/api/templates/{name}/preview', {
          params: { path: { name } }, body: { accountId: target.accountId, signalId: target.signalId, text: checked },
        }));
        return { task, problems: [] };
      } catch (error) {
        return { task: null, problems: refusedProblems<TemplateProblem>(error) };
      }
    },
    enabled: enabled && target.accountId !== null,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
  return { ...query, current: checked === text };
}
