import { Anchor, Box, Button, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../ui/anchor-link';
import { useRegisterCommands } from '../ui/command-registry';
import classes from './app-layout.module.css';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { CommandPaletteLauncher } from './command-palette-launcher';
import { useSignOut } from './use-sign-out';

const MAIN_ID = 'main-content';

export function AppLayout({ children }: { children: ReactNode }) {
  const signOut = useSignOut();
  useRegisterCommands('app', [
    { id: 'app.sign-out', label: 'Sign out', description: 'Forget the API key in every tab', group: 'Actions', enabled: true, rank: 1, run: signOut },
  ]);
  return (
    // Plain elements, not Mantine's AppShell: a header and a main need none of its navbar, aside,
    // resizing or scroll-lock machinery (about 10 KB gzipped of the first visit).
    <div className={classes.shell}>
      <Anchor
        href={`#${MAIN_ID}`}
        className={classes.skipLink}
        onClick={(event) => {
          event.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
      >
        Skip to main content
      </Anchor>
      <header className={classes.header}>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <AnchorLink to="/agents" fw={750} fz="lg" c="var(--mantine-color-text)" underline="never">
              <span aria-hidden="true" className={classes.logoMark}>
                ◆{' '}
              </span>
              Cekura agents
            </AnchorLink>
            <Group gap="xs" wrap="nowrap">
              <CommandPaletteLauncher />
              <ColorSchemeToggle />
              <Button variant="default" size="sm" onClick={signOut}>
                Sign out
              </Button>
            </Group>
          </Group>
        </Container>
      </header>
      <Box component="main" id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Container size="xl" py="xl">
          {children}
        </Container>
      </Box>
    </div>
  );
}
