import { AppShell, Button, Container, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { signOut } from '../api/api-key-store';
import { AnchorLink } from '../ui/anchor-link';

export function AppLayout({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  return (
    <AppShell header={{ height: 60 }} padding={0} bg="gray.0">
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between">
            <AnchorLink to="/agents" fw={750} fz="lg" c="dark.8" underline="never">
              <span aria-hidden="true" style={{ color: 'var(--mantine-color-indigo-8)' }}>
                ◆{' '}
              </span>
              Cekura agents
            </AnchorLink>
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
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" py="xl">
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
