import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../../../testing/fixtures';
import { renderEditorSection } from '../../../../testing/render-editor-section';
import { KnowledgeBaseSection } from '../components/knowledge-base-section';

const files = Array.from({ length: 45 }, (_, i) => ({
  id: 500 + i,
  file_name: `manual-${String(i + 1).padStart(2, '0')}.md`,
  file_type: 'text/markdown',
  file_size: 1000 + i,
  file_url: `/files/${500 + i}`,
  created_at: '2026-01-01T00:00:00Z',
}));

describe('KnowledgeBaseSection with dozens of files', () => {
  it('shows 20 files a page, with a filter and a pager above and below', async () => {
    const { user } = renderEditorSection(<KnowledgeBaseSection />, { agent: sampleAgent({ knowledge_base_files: files }) });
    const table = screen.getByRole('table', { name: 'Knowledge-base files' });
    expect(within(table).getAllByRole('row')).toHaveLength(21); // the heading row and 20 files
    expect(screen.getAllByText('1–20 of 45')).toHaveLength(2);

    await user.click(screen.getAllByRole('button', { name: 'Page 3' })[0] ?? document.body);
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(within(table).getByText('manual-45.md')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Filter files' }), 'manual-0');
    expect(await screen.findByText('1–9 of 9')).toBeInTheDocument();
    expect(within(table).getByText('manual-09.md')).toBeInTheDocument();
    expect(within(table).queryByText('manual-10.md')).not.toBeInTheDocument();
  });
});
