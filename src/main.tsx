import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { AppProviders, preloadNotifications } from './app/providers';
import { createAppQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { preloadExpiredSignInModal } from './features/sign-in/sign-in-screen';

// The CSP allows no eval: without this, zod probes `new Function` and the browser reports it.
z.config({ jitless: true });

const queryClient = createAppQueryClient();
const router = createAppRouter(queryClient);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// Styles no first screen needs (see app/mantine-styles-deferred.ts), fetched once the page is up.
// So are the modal a key expiring mid-session opens and the toasts' container (their own chunks).
window.addEventListener(
  'load',
  () => {
    void import('./app/mantine-styles-deferred');
    void preloadExpiredSignInModal();
    void preloadNotifications();
  },
  { once: true },
);

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
