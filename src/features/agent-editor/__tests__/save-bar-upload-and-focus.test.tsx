import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { SaveBar } from '../components/save-bar';
import { uploadProgressStore } from '../knowledge-base/upload-progress-store';

const MB = 1024 * 1024;

function renderBar(saving: boolean) {
  const agent = sampleAgent();
  const ui = (isSaving: boolean) => <SaveBar baseline={agent} saving={isSaving} onDiscard={() => undefined} onCancel={() => undefined} />;
  const result = renderEditorSection(ui(saving), { agent });
  return { ...result, setSaving: (next: boolean) => result.rerender(ui(next)) };
}

afterEach(() => {
  act(() => {
    uploadProgressStore.cancel();
    uploadProgressStore.dismiss();
  });
});

describe('SaveBar during a save with new files', () => {
  it('shows the upload’s progress in the files’ own bytes, with Cancel upload in place of Cancel', async () => {
    const { user } = renderBar(true);
    const bar = screen.getByRole('region', { name: 'Save' });
    expect(within(bar).getByRole('button', { name: /^Cancel$/ })).toBeInTheDocument();

    let transfer!: ReturnType<typeof uploadProgressStore.begin>;
    act(() => {
      transfer = uploadProgressStore.begin(2, 30 * MB);
    });
    expect(within(bar).getByRole('region', { name: 'Upload progress' })).toHaveTextContent('Reading 2 files before uploading…');
    // The body is base64 in JSON (40 MB for 30 MB of files): 16 MB of it sent is 40%, 12 MB of the files.
    act(() => transfer.onUploadProgress({ loaded: 16 * MB, total: 40 * MB }));
    const progress = within(bar).getByRole('region', { name: 'Upload progress' });
    expect(progress).toHaveTextContent('Uploading 2 files: 40% (12 MB of 30 MB)');
    expect(within(progress).getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute('aria-valuenow', '40');
    expect(within(bar).queryByRole('button', { name: /^Cancel$/ })).not.toBeInTheDocument();

    await user.click(within(progress).getByRole('button', { name: 'Cancel upload' }));
    expect(transfer.signal.aborted).toBe(true);
  });

  it('counts the body’s bytes when the files’ size is not known', () => {
    renderBar(true);
    act(() => uploadProgressStore.begin(1).onUploadProgress({ loaded: 3 * MB, total: 12 * MB }));
    expect(screen.getByRole('region', { name: 'Upload progress' })).toHaveTextContent('Uploading 1 file: 25% (3 MB of 12 MB)');
  });
});

describe('focus after a save', () => {
  it('returns to the field that had it when the save began', async () => {
    const { setSaving } = renderBar(false);
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Somewhere in the form');
    document.body.append(input);
    input.focus();
    setSaving(true);
    input.blur(); // what disabling the form does to it
    expect(document.activeElement).toBe(document.body);
    setSaving(false);
    await waitFor(() => expect(input).toHaveFocus());
    input.remove();
  });

  it('lands on the save bar’s status when the control that saved is gone afterwards (a notification’s Retry)', async () => {
    const { setSaving } = renderBar(false);
    const retry = document.createElement('button');
    document.body.append(retry);
    retry.focus();
    setSaving(true);
    retry.remove();
    setSaving(false);
    await waitFor(() => expect(screen.getByText('No unsaved changes.')).toHaveFocus());
  });

  it('leaves focus alone when the user moved it during the save', () => {
    const { setSaving } = renderBar(false);
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    setSaving(true);
    elsewhere.focus();
    setSaving(false);
    expect(elsewhere).toHaveFocus();
    elsewhere.remove();
  });
});
