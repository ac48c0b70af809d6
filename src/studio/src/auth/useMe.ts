import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Me } from '../api/types';

export const meKey = ['me'] as const;

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => (await call(api.GET('/api/auth/session'))).user ?? null,
    staleTime: 60_000,
  });
}
