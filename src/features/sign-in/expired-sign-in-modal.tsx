import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The sign-in form over the page when a key expires mid-session: the page and its unsaved edits
 * stay visible behind it. Its own chunk: a first visit shows no modal, so the modal's code (and
 * what it pulls in) is fetched just after the page has loaded (`main.tsx`), not before it.
 */
export default function ExpiredSignInModal({ children }: { children: ReactNode }) {
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} centered aria-label="Sign in again">
      {children}
    </Modal>
  );
}
