import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import type { Me } from '../api/types';

export const meKey = ['me'] as const;

/** The signed-in user, or null when signed out (the server answers 401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const { data } = await api.GET('/api/auth/me');
        return data ?? null;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}
