import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/problem';
import { meKey } from '../auth/useMe';
import { router } from './routes';
import { theme } from './theme';

const queryClient: QueryClient = new QueryClient({
  // A 401 anywhere means the session ended (expired, signed out in another tab): back to the login page.
  queryCache: new QueryCache({
    onError: (error) => { if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meKey, null); },
  }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; a dropped connection may.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      staleTime: 10_000,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
