import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { RepInput, UserRole } from './adminTypes';

/** Query keys and calls of the admin pages. */
export const adminKeys = {
  users: ['admin', 'users'] as const,
  tokens: ['admin', 'tokens'] as const,
  reps: ['admin', 'reps'] as const,
  notifications: (status: string, page: number) => ['admin', 'notifications', status, page] as const,
  notificationCount: (status: string) => ['admin', 'notifications', status, 'count'] as const,
  notification: (id: number) => ['admin', 'notification', id] as const,
  audit: (filters: AuditFilters) => ['admin', 'audit', filters] as const,
};

/** The audit log's filters as the API takes them (kind, part of the actor, since) and the page. */
export type AuditFilters = { kind?: string; actor?: string; since?: string; page: number };

export const auditPageSize = 50;

export function useAuditEntries(filters: AuditFilters) {
  return useQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: () => call(api.GET('/api/audit', { params: { query: { ...filters, pageSize: auditPageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: () => call(api.GET('/api/users')) });
}

export function useTokens() {
  return useQuery({ queryKey: adminKeys.tokens, queryFn: () => call(api.GET('/api/tokens')) });
}

export function useReps() {
  return useQuery({ queryKey: adminKeys.reps, queryFn: () => call(api.GET('/api/reps')) });
}

/** Users and tokens show each other (a user's tokens, a token's user): a change to one refreshes both. */
function useRefresh(...keys: (readonly string[])[]) {
  const queryClient = useQueryClient();
  return () => keys.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
}

export function useCreateUser() {
  const refresh = useRefresh(adminKeys.users, adminKeys.tokens);
  return useMutation({
    mutationFn: (body: { email: string; name: string; role: UserRole; password: string | null; repId: string | null; issueToken: boolean }) =>
      call(api.POST('/api/users', { body })),
    onSuccess: refresh,
  });
}

export function useChangeRole() {
  const refresh = useRefresh(adminKeys.users);
  return useMutation({
    mutationFn: ({ id, role, repId }: { id: string; role: UserRole; repId: string | null }) =>
      call(api.PUT('/api/users/{id}/role', { params: { path: { id } }, body: { role, repId } })),
    onSuccess: refresh,
  });
}

export function useSetDisabled() {
  const refresh = useRefresh(adminKeys.users, adminKeys.tokens);
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) => disabled
      ? call(api.POST('/api/users/{id}/disable', { params: { path: { id } } }))
      : call(api.POST('/api/users/{id}/enable', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useIssueToken() {
  const refresh = useRefresh(adminKeys.users, adminKeys.tokens);
  return useMutation({
    mutationFn: (body: { userId: string; name: string; expiresInDays: number | null }) => call(api.POST('/api/tokens', { body })),
    onSuccess: refresh,
  });
}

export function useRevokeToken() {
  const refresh = useRefresh(adminKeys.users, adminKeys.tokens);
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/api/tokens/{id}/revoke', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useSaveRep() {
  const refresh = useRefresh(adminKeys.reps, adminKeys.users, ['team']);
  return useMutation({
    mutationFn: ({ existing, input }: { existing: boolean; input: RepInput }) => existing
      ? call(api.PUT('/api/reps/{id}', { params: { path: { id: input.id! } }, body: input }))
      : call(api.POST('/api/reps', { body: input })),
    onSuccess: refresh,
  });
}

export function useRemoveRep() {
  const refresh = useRefresh(adminKeys.reps, ['team']);
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/reps/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export const deadLetterPageSize = 25;

export function useNotifications(status: string, page: number) {
  return useQuery({
    queryKey: adminKeys.notifications(status, page),
    queryFn: () => call(api.GET('/api/notifications', { params: { query: { status, page, pageSize: deadLetterPageSize } } })),
    placeholderData: keepPreviousData,
  });
}

/** How many notifications have a status (the tabs' counts). */
export function useNotificationCount(status: string) {
  return useQuery({
    queryKey: adminKeys.notificationCount(status),
    queryFn: async () => (await call(api.GET('/api/notifications', { params: { query: { status, pageSize: 1 } } }))).total,
    refetchInterval: 30_000,
  });
}

/** One notification, polled every 1.5 s until it is no longer waiting to be sent (after a retry). */
export function useNotification(id: number | null) {
  return useQuery({
    queryKey: adminKeys.notification(id ?? 0),
    queryFn: () => call(api.GET('/api/notifications/{id}', { params: { path: { id: id! } } })),
    enabled: id != null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'pending' ? false : 1_500),
  });
}

/** Refreshes the dead-letter tabs' counts. */
export function useRefreshCounts() {
  const queryClient = useQueryClient();
  return () => ['dead', 'pending', 'delivered'].forEach((status) =>
    void queryClient.invalidateQueries({ queryKey: adminKeys.notificationCount(status) }));
}

/** A retried row stays where it is and shows how the retry went; only the tabs' counts are refreshed (the list catches
 *  up when it is next loaded). */
export function useRetryNotification() {
  const refresh = useRefreshCounts();
  return useMutation({
    mutationFn: (id: number) => call(api.POST('/api/notifications/{id}/retry', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}
