import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import type { SaveFailure } from '../use-save-agent';
import { RetryNotice } from './retry-notice';

const NOTIFICATION_ID = 'save-failed';

/**
 * The notification of a failed save (kept until the next save starts), with a Retry that sends
 * the save again. Draws nothing in place: Mantine's notifications show it.
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
          onRetry={() => {
            notifications.hide(NOTIFICATION_ID);
            retry.current();
          }}
        />
      ),
    });
  }, [failure]);

  return null;
}
