import { Alert, Button, Stack, Text } from '@mantine/core';

/**
 * A query that failed: what did not load, the API's message, and Retry.
 *
 * @example <LoadErrorAlert title="Could not load the agents" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
 */
export function LoadErrorAlert({ title, error, onRetry, retrying, m }: { title: string; error: Error; onRetry: () => void; retrying: boolean; m?: string }) {
  return (
    <Alert color="red" title={title} role="alert" m={m}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{error.message}</Text>
        <Button size="xs" variant="default" onClick={onRetry} loading={retrying}>
          Retry
        </Button>
      </Stack>
    </Alert>
  );
}
