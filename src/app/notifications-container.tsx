import { Notifications } from '@mantine/notifications';
import classes from './providers.module.css';

/**
 * Mantine's toasts (with their transitions, portal and scroll-lock class), in their own chunk:
 * only the editor shows any, so the first visit does not download them (`providers.tsx`).
 */
export function NotificationsContainer() {
  // Below the 60 px header, so a toast never covers Sign out or the theme toggle.
  return <Notifications position="top-right" classNames={{ root: classes.notifications }} />;
}
