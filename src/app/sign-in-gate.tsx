import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useApiKeyState } from '../api/api-key-store';
import { SignInScreen } from '../features/sign-in/sign-in-screen';

/**
 * Shows the sign-in screen in place of the page until a key is set; the URL is untouched, so
 * the page asked for renders after signing in. When the key expires mid-session the page stays
 * mounted behind a sign-in modal, so unsaved edits survive (and a save waiting on it retries).
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const { apiKey, expired } = useApiKeyState();
  const queryClient = useQueryClient();
  const signedOut = apiKey === null && !expired;
  // Signed out (here or in another tab): nothing fetched with the old key stays in memory.
  useEffect(() => {
    if (signedOut) queryClient.clear();
  }, [signedOut, queryClient]);
  if (signedOut) return <SignInScreen />;
  return (
    <>
      {apiKey === null && <SignInScreen expired />}
      {children}
    </>
  );
}
