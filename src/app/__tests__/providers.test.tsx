import { notifications } from '@mantine/notifications';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { AppProviders } from '../providers';

afterEach(() => {
  notifications.clean(); // the notifications store outlives a test
});

test('the toasts’ container mounts with the first toast, shows it, and stays for the next', async () => {
  notifications.clean();
  render(
    <AppProviders queryClient={new QueryClient()}>
      <p>The page</p>
    </AppProviders>,
  );
  expect(screen.getByText('The page')).toBeInTheDocument();
  // No toast yet: its container (its own chunk) is not there.
  expect(document.querySelector('.mantine-Notifications-root')).toBeNull();

  act(() => {
    notifications.show({ title: 'Changes saved', message: 'Name' });
  });
  expect(await screen.findByText('Changes saved')).toBeInTheDocument();

  act(() => {
    notifications.show({ title: 'Save undone', message: 'Put back the name' });
  });
  expect(await screen.findByText('Save undone')).toBeInTheDocument();
  expect(screen.getByText('Changes saved')).toBeInTheDocument();
});
