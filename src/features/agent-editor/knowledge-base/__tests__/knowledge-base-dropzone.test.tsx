import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { KnowledgeBaseDropzone } from '../components/knowledge-base-dropzone';

describe('KnowledgeBaseDropzone', () => {
  it('keeps the refused files’ message until the agent is saved, then clears it', async () => {
    const onAccept = vi.fn();
    const zone = (saved: object) => <KnowledgeBaseDropzone attachedNames={() => []} onAccept={onAccept} clearRefusedOn={saved} />;
    const firstVersion = { updated_at: 'v1' };
    const { rerender } = renderWithProviders(zone(firstVersion));
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(screen.getByLabelText('Choose knowledge-base files'), [new File(['MZ'], 'setup.exe'), new File(['# A\n'], 'a.md')]);
    expect(screen.getByRole('alert')).toHaveTextContent('1 file was not added');
    expect(onAccept).toHaveBeenCalledOnce();

    rerender(zone(firstVersion)); // a render for another reason keeps it
    expect(screen.getByRole('alert')).toHaveTextContent('setup.exe');

    rerender(zone({ updated_at: 'v2' })); // the agent as saved changed: a save went through
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
