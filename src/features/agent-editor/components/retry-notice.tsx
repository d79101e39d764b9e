import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

interface RetryNoticeProps {
  message: string;
  onRetry: () => void;
  /** Retry waits until then (epoch ms), counting down: the API asked to wait (429 Retry-After). */
  retryAt?: number;
  /** Offers to sign in with another key (the key has no access). */
  onSignInAgain?: () => void;
}

/** Seconds left until `at`, updated every second; 0 once it has passed. */
function useSecondsUntil(at: number | undefined): number {
  const left = () => (at === undefined ? 0 : Math.max(0, Math.ceil((at - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    if (at === undefined) return;
    const tick = () => setSeconds(Math.max(0, Math.ceil((at - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [at]);
  return seconds;
}

/** A failed save's notification body: what happened, and a Retry that sends the save again. */
export function RetryNotice({ message, onRetry, retryAt, onSignInAgain }: RetryNoticeProps) {
  const wait = useSecondsUntil(retryAt);
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button size="compact-sm" variant="default" onClick={onRetry} disabled={wait > 0}>
          {wait > 0 ? `Retry in ${wait} s` : 'Retry'}
        </Button>
      </Group>
      {onSignInAgain && (
        <Group>
          <Button size="compact-sm" variant="light" onClick={onSignInAgain}>
            Sign in with another key
          </Button>
        </Group>
      )}
    </Stack>
  );
}
