import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { SaveFailedNotification } from '../components/save-failed-notification';
import type { SaveFailure } from '../use-save-agent';

const failure: SaveFailure = { title: 'Could not save the agent', message: 'Server exploded. Your edits are kept.' };

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

  it('hides when the failure clears (a new save started)', async () => {
    const { rerender } = renderWithProviders(<SaveFailedNotification failure={failure} onRetry={() => undefined} />);
    expect(await screen.findByText('Could not save the agent')).toBeInTheDocument();
    rerender(<SaveFailedNotification failure={null} onRetry={() => undefined} />);
    await waitFor(() => expect(screen.queryByText('Could not save the agent')).not.toBeInTheDocument());
  });
});
