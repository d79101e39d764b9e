import { Title } from '@mantine/core';
import type { TitleProps } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef } from 'react';

const APP_NAME = 'Cekura agents';

/**
 * Names the page in the document title, most specific part first.
 *
 * @example usePageTitle('Acme support', 'Telephony') // "Acme support · Telephony · Cekura agents"
 */
export function usePageTitle(...parts: string[]): void {
  useDocumentTitle(pageTitle(...parts));
}

/** "Sign in · Cekura agents": the parts that are not empty, then the app's name. */
export function pageTitle(...parts: string[]): string {
  return [...parts.filter((part) => part !== ''), APP_NAME].join(' · ');
}

/**
 * The page's h1, focused when it first shows (after signing in, opening a page), so a screen
 * reader starts at the page's name and Tab continues from the top of the content.
 */
export function PageHeading(props: Omit<TitleProps, 'order'>) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Not when something in the page already took focus (a field focused on purpose).
    if (document.activeElement === null || document.activeElement === document.body) ref.current?.focus({ preventScroll: true });
  }, []);
  return <Title order={1} ref={ref} tabIndex={-1} {...props} />;
}
