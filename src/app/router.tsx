import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import type { RouterHistory } from '@tanstack/react-router';
import { agentQueries } from '../api/agent-queries';
import { getApiKey } from '../api/api-key-store';
import { AgentsListPage } from '../features/agents-list/agents-list-page';
import { validateAgentsListSearch } from '../features/agents-list/agents-list-search';
import { validateBulkEditSearch } from '../features/bulk-edit/bulk-edit-search';
import { AnchorLink } from '../ui/anchor-link';
import { AppLayout } from './app-layout';
import { SignInGate } from './sign-in-gate';

export interface RouterContext {
  queryClient: QueryClient;
}

function PageLoader() {
  return (
    <Center py="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}

function NotFound() {
  return (
    <Stack align="flex-start" gap="sm" py="xl">
      <Title order={1}>Page not found</Title>
      <Text>There is nothing at this address.</Text>
      <AnchorLink to="/agents">Go to the agents</AnchorLink>
    </Stack>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <SignInGate>
      <AppLayout>
        <Outlet />
      </AppLayout>
    </SignInGate>
  ),
  notFoundComponent: NotFound,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router's redirect is thrown by design
    throw redirect({ to: '/agents', replace: true });
  },
});

const agentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agents',
  validateSearch: validateAgentsListSearch,
  component: AgentsListPage,
});

// The bulk editor is its own chunk too; the list hands it the ticked agents' ids in the URL.
const bulkEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agents/bulk',
  validateSearch: validateBulkEditSearch,
  component: lazyRouteComponent(() => import('../features/bulk-edit/bulk-edit-page'), 'BulkEditPage'),
});

// The editor (react-hook-form, the resolver, the form schema) is its own chunk. Each section has
// its own URL (`/agents/42/telephony`) so a link opens the tab it names.
const agentEditorIndexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agents/$agentId',
  beforeLoad: ({ params }) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router's redirect is thrown by design
    throw redirect({ to: '/agents/$agentId/$section', params: { agentId: params.agentId, section: 'general' }, replace: true });
  },
});

const agentEditorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agents/$agentId/$section',
  // Opening the editor (a deep link, a click): the agent's request starts with the editor's
  // chunk instead of after it has rendered. Not on a hover's preload: the agent may be large.
  loader: ({ context, params, cause }) => {
    if (cause === 'preload' || getApiKey() === null || !/^\d+$/.test(params.agentId)) return;
    // A failure is the page's to show (its query holds it); nothing to do here.
    context.queryClient.query(agentQueries.detail(Number(params.agentId))).catch(() => undefined);
  },
  component: lazyRouteComponent(() => import('../features/agent-editor/agent-editor-page'), 'AgentEditorPage'),
});

const routeTree = rootRoute.addChildren([indexRoute, agentsRoute, bulkEditRoute, agentEditorIndexRoute, agentEditorRoute]);

export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context: { queryClient },
    history,
    defaultPreload: 'intent',
    defaultPendingComponent: PageLoader,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
