import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { signInWithApiKey, signOut } from '../api/api-key-store';
import { AppProviders } from '../app/providers';
import { createAppRouter } from '../app/router';
import { cssVariablesResolver, theme } from '../app/theme';

/** A fresh client per test: no retries, no cache shared between tests. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
}

/** Renders a component inside Mantine and React Query (no router). */
export function renderWithProviders(ui: ReactElement) {
  notifications.clean(); // the notifications store outlives a test
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
  return { user: userEvent.setup({ delay: null }), queryClient, ...render(ui, { wrapper }) };
}

/**
 * Renders the whole app (gate, layout, routes) at `url`. With `apiKey` the user starts signed
 * in; without it the sign-in screen shows first.
 */
export function renderApp(url: string, { apiKey }: { apiKey?: string } = {}) {
  notifications.clean(); // the notifications store outlives a test
  if (apiKey === undefined) signOut();
  else signInWithApiKey(apiKey);
  const queryClient = createTestQueryClient();
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createAppRouter(queryClient, history);
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { user: userEvent.setup({ delay: null }), queryClient, router, ...result };
}
