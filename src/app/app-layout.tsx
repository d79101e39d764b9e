import { Anchor, AppShell, Button, Container, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { signOut } from '../api/api-key-store';
import { AnchorLink } from '../ui/anchor-link';
import classes from './app-layout.module.css';

const MAIN_ID = 'main-content';

export function AppLayout({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  return (
    <AppShell header={{ height: 60 }} padding={0} bg="var(--app-page-bg)">
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
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <AnchorLink to="/agents" fw={750} fz="lg" c="var(--mantine-color-text)" underline="never">
              <span aria-hidden="true" className={classes.logoMark}>
                ◆{' '}
              </span>
              Cekura agents
            </AnchorLink>
            <Group gap="xs" wrap="nowrap">
              <Button
                variant="default"
                size="sm"
                onClick={() => {
                  signOut();
                  queryClient.clear();
                }}
              >
                Sign out
              </Button>
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Container size="xl" py="xl">
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
