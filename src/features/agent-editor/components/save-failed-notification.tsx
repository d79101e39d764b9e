import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import type { SaveFailure } from '../use-save-agent';
import { RetryNotice } from './retry-notice';

const NOTIFICATION_ID = 'save-failed';

/**
 * The notification of a failed save (kept until the next save starts), with a Retry that sends
 * the save again (after a 429, only once the wait the API asked for is over: it counts down),
 * and for a key without access a way to sign in with another. Draws nothing in place:
 * Mantine's notifications show it.
 */
export function SaveFailedNotification({ failure, onRetry }: { failure: SaveFailure | null; onRetry: () => void }) {
  const retry = useRef(onRetry);
  useEffect(() => {
    retry.current = onRetry;
  });
  const shown = useRef(false);

  useEffect(() => {
    if (failure === null) {
      if (shown.current) notifications.hide(NOTIFICATION_ID);
      shown.current = false;
      return;
    }
    shown.current = true;
    notifications.show({
      id: NOTIFICATION_ID,
      color: 'red',
      title: failure.title,
      autoClose: false,
      message: (
        <RetryNotice
          message={failure.message}
          retryAt={failure.retryAt}
          onRetry={() => {
            notifications.hide(NOTIFICATION_ID);
            retry.current();
          }}
          onSignInAgain={
            failure.signInAgain &&
            (() => {
              notifications.hide(NOTIFICATION_ID);
              failure.signInAgain?.();
            })
          }
        />
      ),
    });
  }, [failure]);

  return null;
}
