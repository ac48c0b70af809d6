import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** Query keys and calls of the import runs page. */
export const importKeys = {
  all: ['admin', 'imports'] as const,
  runs: (page: number) => ['admin', 'imports', 'runs', page] as const,
  run: (id: number) => ['admin', 'imports', 'run', id] as const,
};

export const importPageSize = 25;

/** The scheduled import's runs, newest first; refreshed every 30 s. */
export function useImportRuns(page: number) {
  return useQuery({
    queryKey: importKeys.runs(page),
    queryFn: () => call(api.GET('/api/imports/runs', { params: { query: { page, pageSize: importPageSize } } })),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** One run with its per-row report, loaded when its row is opened. */
export function useImportRun(id: number) {
  return useQuery({ queryKey: importKeys.run(id), queryFn: () => call(api.GET('/api/imports/runs/{id}', { params: { path: { id } } })) });
}

/** Imports the waiting files and fetches the URL sources now; the list is loaded again. */
export function useRunImportNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/imports/run')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: importKeys.all }),
  });
}
