import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { ServerChangeNotice } from '../components/server-change-notice';

const loaded = sampleAgent();
const latest = sampleAgent({
  description: 'Changed by a colleague.',
  dynamic_variables: [...(loaded.dynamic_variables ?? []), { id: 30, name: 'colleague_var', description: 'Theirs' }],
  updated_at: '2026-02-01T10:00:00Z',
});

describe('ServerChangeNotice', () => {
  it('says nothing while the server has the version loaded', () => {
    renderEditorSection(<ServerChangeNotice baseline={loaded} latest={sampleAgent()} onAdopt={vi.fn()} onMerge={vi.fn()} />, { agent: loaded });
    expect(screen.queryByText('This agent changed on the server')).not.toBeInTheDocument();
  });

  it('names the fields that changed; without edits it loads the latest version', async () => {
    const onAdopt = vi.fn();
    const { user } = renderEditorSection(<ServerChangeNotice baseline={loaded} latest={latest} onAdopt={onAdopt} onMerge={vi.fn()} />, { agent: loaded });
    expect(screen.getByText(/Someone saved it at .*, changing Description and Dynamic variables\./)).toBeInTheDocument();
    expect(screen.queryByText(/their other changes are kept/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load the latest version' }));
    expect(onAdopt).toHaveBeenCalledWith(latest);
  });

  it('with edits offers to merge them into the latest version', async () => {
    const onMerge = vi.fn();
    const { user, edit } = renderEditorSection(<ServerChangeNotice baseline={loaded} latest={latest} onAdopt={vi.fn()} onMerge={onMerge} />, {
      agent: loaded,
    });
    edit('name', 'Edited');
    await user.click(await screen.findByRole('button', { name: 'Merge into my edits' }));
    expect(onMerge).toHaveBeenCalledWith(latest);
    expect(screen.queryByRole('button', { name: 'Load the latest version' })).not.toBeInTheDocument();
  });

  it('says nothing while the page still has an older version than the form (a save’s answer just became its baseline)', () => {
    renderEditorSection(<ServerChangeNotice baseline={latest} latest={loaded} onAdopt={vi.fn()} onMerge={vi.fn()} />, { agent: latest });
    expect(screen.queryByText('This agent changed on the server')).not.toBeInTheDocument();
  });
});
