import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { api, call } from '../../api/client';
import type { ActivityDescriptor, ProblemView } from '../../api/types';
import type { PlaybookDefinition } from '../model/definition';
import { dropDanglingEdges } from '../model/edits';
import { type History, record, redo, startHistory, undo } from '../model/history';
import { portsOf } from '../model/ports';

const noProblems: ProblemView[] = [];

/** The definition being edited, with undo/redo, live validation by the server, and saving as a draft. */
export function useDesignerState(initial: PlaybookDefinition, descriptors: Map<string, ActivityDescriptor>) {
  const queryClient = useQueryClient();
  const [history, setHistory] = useState<History<PlaybookDefinition>>(() => startHistory(initial));
  const [saved, setSaved] = useState(initial);
  const definition = history.present;

  const apply = useCallback((edit: (d: PlaybookDefinition) => PlaybookDefinition, coalesce?: string) => {
    setHistory((h) => {
      const next = dropDanglingEdges(edit(h.present), (n) => portsOf(descriptors.get(n.type), n));
      return record(h, next, coalesce);
    });
  }, [descriptors]);

  /** Replaces the whole definition as one undoable step (import, restore, paste of a file). */
  const replace = useCallback((next: PlaybookDefinition) => setHistory((h) => record(h, next)), []);

  // The server checks what a publish would check, as the manager edits; nothing is stored.
  const [checked] = useDebouncedValue(definition, 400);
  const validation = useQuery({
    queryKey: ['playbooks', initial.id, 'validate', checked],
    queryFn: () => call(api.POST('/api/playbooks/{id}/validate', { params: { path: { id: initial.id } }, body: checked })),
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });

  const save = useMutation({
    mutationFn: (d: PlaybookDefinition) => call(api.PUT('/api/playbooks/{id}', { params: { path: { id: d.id } }, body: d })),
    onSuccess: (_result, d) => {
      setSaved(d);
      void queryClient.invalidateQueries({ queryKey: ['playbooks'] });
    },
  });

  return {
    definition,
    apply,
    replace,
    undo: () => setHistory(undo),
    redo: () => setHistory(redo),
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    dirty: useMemo(() => definition !== saved && JSON.stringify(definition) !== JSON.stringify(saved), [definition, saved]),
    problems: validation.data?.problems ?? noProblems,
    validating: validation.isFetching,
    validationError: validation.error,
    save,
  };
}

export type DesignerState = ReturnType<typeof useDesignerState>;
