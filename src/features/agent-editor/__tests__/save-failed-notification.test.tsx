import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { SaveFailedNotification } from '../components/save-failed-notification';
import type { SaveFailure } from '../use-save-agent';

const failure: SaveFailure = { title: 'Could not save the agent', message: 'Server exploded. Your edits are kept.' };

afterEach(() => {
  vi.useRealTimers();
});

describe('SaveFailedNotification', () => {
  it('shows the failure with a Retry that hides it and runs the latest retry', async () => {
    const first = vi.fn();
    const latest = vi.fn();
    const { user, rerender } = renderWithProviders(<SaveFailedNotification failure={failure} onRetry={first} />);
    expect(await screen.findByText('Could not save the agent')).toBeInTheDocument();
    expect(screen.getByText('Server exploded. Your edits are kept.')).toBeInTheDocument();

    rerender(<SaveFailedNotification failure={failure} onRetry={latest} />);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(latest).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByText('Could not save the agent')).not.toBeInTheDocument());
  });

  it('after a 429 counts down to the time Retry-After gave, and Retry waits until then', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'Date'] });
    const onRetry = vi.fn();
    renderWithProviders(<SaveFailedNotification failure={{ ...failure, title: 'Too many requests', retryAt: Date.now() + 12_000 }} onRetry={onRetry} />);
    const retry = await screen.findByRole('button', { name: 'Retry in 12 s' });
    expect(retry).toBeDisabled();
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(screen.getByRole('button', { name: 'Retry in 7 s' })).toBeDisabled();
    act(() => {
      vi.advanceTimersByTime(7_000);
    });
    const ready = screen.getByRole('button', { name: 'Retry' });
    expect(ready).toBeEnabled();
    vi.useRealTimers();
    ready.click();
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('offers to sign in with another key when the failure says so', async () => {
    const signInAgain = vi.fn();
    const { user } = renderWithProviders(<SaveFailedNotification failure={{ ...failure, signInAgain }} onRetry={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Sign in with another key' }));
    expect(signInAgain).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByText('Could not save the agent')).not.toBeInTheDocument());
  });

  it('hides when the failure clears (a new save started)', async () => {
    const { rerender } = renderWithProviders(<SaveFailedNotification failure={failure} onRetry={() => undefined} />);
    expect(await screen.findByText('Could not save the agent')).toBeInTheDocument();
    rerender(<SaveFailedNotification failure={null} onRetry={() => undefined} />);
    await waitFor(() => expect(screen.queryByText('Could not save the agent')).not.toBeInTheDocument());
  });
});
