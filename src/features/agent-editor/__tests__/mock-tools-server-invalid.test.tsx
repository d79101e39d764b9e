import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { MockToolsSection } from '../components/mock-tools-section';

// The server holds a tool with no name and one whose mock data is not a list of pairs.
const agent = sampleAgent({
  mock_tools: [
    { id: 11, name: 'lookup_order', description: 'Finds an order', mock_data: [], served_via: { type: 'direct' }, subscriber_count: 1, is_shared: false },
    { id: 31, name: null, description: 'Legacy', mock_data: [], served_via: { type: 'direct' }, subscriber_count: 1, is_shared: false },
    { id: 32, name: 'legacy_data', description: '', mock_data: 'not json at all', served_via: { type: 'direct' }, subscriber_count: 1, is_shared: false },
  ],
});

describe('mock tools the server holds that break the rules', () => {
  it('warn (not error) on each such tool, and do not block a save of other edits', async () => {
    const { user, form, patch } = renderEditorSection(<MockToolsSection />, { agent });
    const groups = screen.getAllByRole('group');
    const warnings = screen.getAllByText(/it is kept as it is unless you edit it/);
    expect(warnings).toHaveLength(2);
    expect(screen.getByText(/This tool from the server has no name/)).toBeInTheDocument();
    expect(screen.getByText(/This tool from the server has mock data that is not a JSON list/)).toBeInTheDocument();
    expect(groups.length).toBeGreaterThanOrEqual(3);

    await user.clear(within(screen.getByRole('group', { name: 'lookup_order' })).getByRole('textbox', { name: 'Description' }));
    await user.type(within(screen.getByRole('group', { name: 'lookup_order' })).getByRole('textbox', { name: 'Description' }), 'Finds it');
    expect(await form.trigger()).toBe(true);
    expect(patch()).toEqual({ mock_tools: [{ id: 11, description: 'Finds it' }, { id: 31 }, { id: 32 }] });
  });

  it('are checked in full once edited', async () => {
    const { user, form } = renderEditorSection(<MockToolsSection />, { agent });
    const legacy = screen.getByRole('group', { name: 'legacy_data' });
    await user.type(within(legacy).getByRole('textbox', { name: 'Description' }), 'x');
    expect(await form.trigger()).toBe(false);
    expect(form.getFieldState('mock_tools.2.mock_data').error?.message).toMatch(/JSON list/);
    expect(form.getFieldState('mock_tools.1.name').error).toBeUndefined();
  });

  it('a new tool is checked as before', async () => {
    const { user, form } = renderEditorSection(<MockToolsSection />, { agent });
    await user.click(screen.getByRole('button', { name: 'Add mock tool' }));
    expect(await form.trigger()).toBe(false);
    expect(form.getFieldState('mock_tools.3.name').error).toBeDefined();
  });
});
