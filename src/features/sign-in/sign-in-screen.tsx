import { Alert, Box, Button, Center, Checkbox, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { apiProjectListSchema } from '../../agent/api-schema';
import { projectQueries } from '../../api/agent-queries';
import { signInWithApiKey } from '../../api/api-key-store';
import { ApiError, apiFetch } from '../../api/client';
import { pageTitle } from '../../ui/page-heading';

const ExpiredSignInModal = lazy(() => import('./expired-sign-in-modal'));

/** Fetches the expired-key modal ahead of need (`main.tsx` calls it once the page has loaded). */
export const preloadExpiredSignInModal = () => import('./expired-sign-in-modal');

/**
 * Asks for the Cekura API key and checks it against `GET /user/v1/projects/` before using it.
 * `expired`: the API stopped accepting the key mid-session; the page behind keeps its edits.
 */
export function SignInScreen({ expired = false }: { expired?: boolean }) {
  // Over a page (expired), the page keeps its title.
  useDocumentTitle(expired ? '' : pageTitle('Sign in'));
  const queryClient = useQueryClient();
  const [apiKey, setApiKey] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [remember, setRemember] = useState(false);
  const inputId = useId();

  async function signIn(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const key = apiKey.trim();
    setFailure(null);
    if (key === '') {
      setFieldError('Enter your API key');
      return;
    }
    setFieldError(null);
    setPending(true);
    try {
      const projects = await apiFetch('/user/v1/projects/', { schema: apiProjectListSchema, apiKey: key });
      queryClient.setQueryData(projectQueries.list().queryKey, projects);
      signInWithApiKey(key, { remember });
      // After an expired session, what the page behind showed is fetched again with this key.
      if (expired) void queryClient.invalidateQueries();
    } catch (error) {
      if (error instanceof ApiError && error.isAuthError) setFieldError('That API key was not accepted');
      else setFailure(error instanceof Error ? error.message : 'Signing in failed; try again');
      setPending(false);
    }
  }

  const content = (
    <form onSubmit={(e) => void signIn(e)} noValidate>
      <Stack gap="md">
        <div>
          <Text size="sm" fw={700} c="var(--mantine-primary-color-light-color)" tt="uppercase" lts={0.5}>
            Cekura agents
          </Text>
          <Title order={1} size="h2" mt={4}>
            {expired ? 'Sign in again' : 'Sign in'}
          </Title>
        </div>
        {expired ? (
          <Alert color="yellow" title="Your session ended">
            The API no longer accepts the key you signed in with, or a remembered key reached its 12 hours. Sign
            in again to carry on: the page and your unsaved edits are kept.
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            Paste your Cekura API key.
          </Text>
        )}
        <PasswordInput
          label="API key"
          value={apiKey}
          onChange={(e) => {
            setApiKey(e.currentTarget.value);
            setFieldError(null);
          }}
          id={inputId}
          error={fieldError}
          errorProps={{ id: `${inputId}-error` }}
          // Mantine's PasswordInput does not link its error to the input itself.
          aria-invalid={fieldError !== null}
          aria-describedby={fieldError !== null ? `${inputId}-error` : undefined}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          autoFocus
        />
        <Checkbox
          label="Remember me on this device"
          checked={remember}
          onChange={(e) => setRemember(e.currentTarget.checked)}
          description={
            remember
              ? 'Your key is kept on this device (local storage) for 12 hours, and new tabs start signed in. Only on a device no one else uses.'
              : 'Your key is kept in this tab only (session storage): it survives a reload and is gone when you close the tab.'
          }
        />
        <Text size="xs" c="dimmed">
          Sign out forgets the key everywhere: in this tab, on this device and in your other open tabs.
        </Text>
        {failure !== null && (
          <Alert color="red" title="Could not sign in">
            {failure}
          </Alert>
        )}
        <Button type="submit" loading={pending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );

  // Mid-session, the page and its unsaved edits stay visible behind a modal.
  if (expired) {
    return (
      <Suspense fallback={null}>
        <ExpiredSignInModal>{content}</ExpiredSignInModal>
      </Suspense>
    );
  }
  return (
    <Box component="main" bg="var(--app-page-bg)" mih="100vh">
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={420}>
          {content}
        </Paper>
      </Center>
    </Box>
  );
}
