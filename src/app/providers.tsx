import './mantine-styles';
import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useState } from 'react';
import type { ReactNode } from 'react';
import { cssVariablesResolver, theme } from './theme';

const loadNotificationsContainer = () => import('./notifications-container');
const NotificationsContainer = lazy(() => loadNotificationsContainer().then((module) => ({ default: module.NotificationsContainer })));

/** Fetches the toasts' chunk ahead of the first toast (`main.tsx` calls it once the page is up). */
export const preloadNotifications = () => loadNotificationsContainer();

/**
 * The toasts' container mounts with the first toast (`notifications.show` only fills Mantine's
 * store, which the container reads, so nothing shown before it mounts is lost) and stays.
 */
function DeferredNotifications() {
  const { notifications, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length + queue.length > 0) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <NotificationsContainer />
    </Suspense>
  ) : null;
}

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <DeferredNotifications />
      <QueryClientProvider client={queryClient}>
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
