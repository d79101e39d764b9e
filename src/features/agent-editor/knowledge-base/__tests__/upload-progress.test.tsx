import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../api/client';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { UploadProgress } from '../components/upload-progress';
import { uploadProgressStore } from '../upload-progress-store';

afterEach(() => {
  act(() => {
    uploadProgressStore.cancel();
    uploadProgressStore.dismiss();
  });
});

describe('UploadProgress', () => {
  it('shows nothing while no upload runs', () => {
    renderWithProviders(<UploadProgress />);
    expect(screen.queryByRole('region', { name: 'Upload progress' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the request’s progress in percent and bytes, and Cancel aborts it', async () => {
    const { user } = renderWithProviders(<UploadProgress />);
    let transfer!: ReturnType<typeof uploadProgressStore.begin>;
    act(() => {
      transfer = uploadProgressStore.begin(2);
    });
    expect(screen.getByRole('region', { name: 'Upload progress' })).toHaveTextContent('Reading 2 files before uploading…');
    act(() => transfer.onUploadProgress({ loaded: 3 * 1024 * 1024, total: 12 * 1024 * 1024 }));
    expect(screen.getByText('Uploading 2 files: 25% (3 MB of 12 MB)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute('aria-valuenow', '25');

    await user.click(screen.getByRole('button', { name: 'Cancel upload' }));
    expect(transfer.signal.aborted).toBe(true);
    act(() => transfer.fail(transfer.signal.reason));
    expect(screen.getByRole('alert')).toHaveTextContent('Upload cancelled');
    expect(screen.getByRole('alert')).toHaveTextContent('2 files still to upload');
  });

  it('after a cancel offers nothing until the agent is read back, then says what the server has', () => {
    renderWithProviders(<UploadProgress onRetry={() => undefined} />);
    let transfer!: ReturnType<typeof uploadProgressStore.begin>;
    act(() => {
      transfer = uploadProgressStore.begin(1);
    });
    act(() => transfer.fail(new DOMException('The save got no answer in time', 'AbortError')));
    expect(screen.getByRole('alert')).toHaveTextContent('Checking whether the server had already received them');
    expect(screen.queryByRole('button', { name: 'Retry upload' })).not.toBeInTheDocument();

    act(() => uploadProgressStore.settleCancelled(false, true));
    expect(screen.getByRole('alert')).toHaveTextContent('No answer to the upload');
    expect(screen.getByRole('alert')).toHaveTextContent('The server did not receive them: nothing was lost. 1 file still to upload');
    expect(screen.getByRole('button', { name: 'Retry upload' })).toBeInTheDocument();

    act(() => {
      uploadProgressStore.begin(1).fail(new DOMException('cancelled', 'AbortError'));
      uploadProgressStore.settleCancelled(true);
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('after a failure says the files are still pending and offers Retry', async () => {
    const onRetry = vi.fn();
    const { user } = renderWithProviders(<UploadProgress onRetry={onRetry} />);
    act(() => uploadProgressStore.begin(1).fail(new ApiError(500, 'A server error occurred.')));
    expect(screen.getByRole('alert')).toHaveTextContent('The files were not uploaded');
    expect(screen.getByRole('alert')).toHaveTextContent('A server error occurred. 1 file still to upload');
    await user.click(screen.getByRole('button', { name: 'Retry upload' }));
    expect(onRetry).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('submits the enclosing form on Retry when no handler is given', async () => {
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    const { user } = renderWithProviders(
      <form onSubmit={onSubmit}>
        <UploadProgress />
      </form>,
    );
    act(() => uploadProgressStore.begin(1).fail(new ApiError(0, 'Could not reach the Cekura API.')));
    await user.click(screen.getByRole('button', { name: 'Retry upload' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });
});
