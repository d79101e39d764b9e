import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { MockToolsSection } from '../components/mock-tools-section';

const tool = (name: string) => screen.getByRole('group', { name });
const SHARED_WARNING = /used by 3 agents/;

describe('MockToolsSection', () => {
  it('shows each tool as a group named by its name, its controls named by their labels', () => {
    renderEditorSection(<MockToolsSection />);

    const lookup = tool('lookup_order');
    expect(within(lookup).getByRole('textbox', { name: 'Name' })).toHaveValue('lookup_order');
    expect(within(lookup).getByRole('textbox', { name: 'Description' })).toHaveValue('Finds an order');
    expect(JSON.parse(within(lookup).getByRole<HTMLTextAreaElement>('textbox', { name: 'Mock data' }).value)).toEqual([
      { input: { id: '1' }, output: { status: 'shipped' } },
    ]);
    expect(within(lookup).getByRole('combobox', { name: 'Freetext params' })).toBeInTheDocument();
    const servedVia = within(lookup).getByRole('radiogroup', { name: 'Served via' });
    expect(within(servedVia).getByRole('radio', { name: 'Direct' })).toBeChecked();
    expect(within(servedVia).getByRole('radio', { name: 'MCP' })).not.toBeChecked();
    expect(within(lookup).getByRole('button', { name: 'Remove lookup_order' })).toBeInTheDocument();

    const refund = tool('refund');
    expect(within(refund).getByRole('radio', { name: 'MCP' })).toBeChecked();
    expect(within(refund).getByRole('textbox', { name: 'MCP index' })).toHaveValue('1');
    expect(screen.getByRole('button', { name: 'Add mock tool' })).toBeInTheDocument();
  });

  it('warns on the shared tool, before any edit, that it is used by 3 agents', () => {
    renderEditorSection(<MockToolsSection />);
    expect(within(tool('refund')).getByText(SHARED_WARNING)).toBeInTheDocument();
    expect(within(tool('lookup_order')).queryByText(SHARED_WARNING)).not.toBeInTheDocument();
    expect(screen.getAllByText(/a change here reaches every one of them/)).toHaveLength(1);
  });

  it('shows MCP index only while MCP is chosen', async () => {
    const { user, patch } = renderEditorSection(<MockToolsSection />);
    const lookup = tool('lookup_order');
    expect(within(lookup).queryByRole('textbox', { name: 'MCP index' })).not.toBeInTheDocument();

    await user.click(within(lookup).getByRole('radio', { name: 'MCP' }));
    const index = within(lookup).getByRole('textbox', { name: 'MCP index' });
    await user.type(index, '2');
    expect(patch()).toEqual({ mock_tools: [{ id: 11, served_via: { type: 'mcp', mock_index: 2 } }, { id: 12 }] });

    await user.click(within(lookup).getByRole('radio', { name: 'Direct' }));
    expect(within(lookup).queryByRole('textbox', { name: 'MCP index' })).not.toBeInTheDocument();
    expect(patch()).toEqual({});
  });

  it('removes a tool: the patch is the full remaining set as ids', async () => {
    const { user, patch } = renderEditorSection(<MockToolsSection />);
    await user.click(screen.getByRole('button', { name: 'Remove lookup_order' }));
    expect(screen.queryByRole('group', { name: 'lookup_order' })).not.toBeInTheDocument();
    expect(tool('refund')).toBeInTheDocument();
    expect(patch()).toEqual({ mock_tools: [{ id: 12 }] });
  });

  it('sends every tool, with only the changed keys of an edited one', async () => {
    const { user, patch } = renderEditorSection(<MockToolsSection />);
    const description = within(tool('refund')).getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Refunds an order');
    expect(patch()).toEqual({ mock_tools: [{ id: 11 }, { id: 12, description: 'Refunds an order' }] });
  });

  it('adds a tool as a group called “New mock tool” until it is named', async () => {
    const { user, patch } = renderEditorSection(<MockToolsSection />);
    await user.click(screen.getByRole('button', { name: 'Add mock tool' }));

    const added = tool('New mock tool');
    expect(within(added).getByRole('button', { name: 'Remove New mock tool' })).toBeInTheDocument();
    await user.type(within(added).getByRole('textbox', { name: 'Name' }), 'check_stock');
    expect(screen.queryByRole('group', { name: 'New mock tool' })).not.toBeInTheDocument();
    expect(tool('check_stock')).toBe(added);
    expect(within(added).getByRole('button', { name: 'Remove check_stock' })).toBeInTheDocument();
    expect(patch()).toEqual({
      mock_tools: [
        { id: 11 },
        { id: 12 },
        { name: 'check_stock', description: '', mock_data: [], freetext_params: [], served_via: { type: 'direct' } },
      ],
    });
  });

  it('sends the freetext params as a list of names', async () => {
    const { user, patch } = renderEditorSection(<MockToolsSection />);
    await user.type(within(tool('lookup_order')).getByRole('combobox', { name: 'Freetext params' }), 'note{Enter}');
    expect(patch()).toEqual({ mock_tools: [{ id: 11, freetext_params: ['note'] }, { id: 12 }] });
  });

  it('shows an error at invalid mock data JSON once the field is left', async () => {
    const { user } = renderEditorSection(<MockToolsSection />);
    const mockData = within(tool('lookup_order')).getByRole('textbox', { name: 'Mock data' });
    await user.clear(mockData);
    await user.type(mockData, '[[{{"input": ');
    expect(mockData).not.toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    expect(await within(tool('lookup_order')).findByText('Enter valid JSON')).toBeInTheDocument();
    expect(mockData).toHaveAttribute('aria-invalid', 'true');
    expect(mockData).toHaveAccessibleDescription(expect.stringContaining('Enter valid JSON') as string);
  });

  it('validates JSON that is not valid yet as an error, and still computes a patch', async () => {
    const { user, form, patch } = renderEditorSection(<MockToolsSection />);
    const mockData = within(tool('lookup_order')).getByRole('textbox', { name: 'Mock data' });
    await user.clear(mockData);
    await user.type(mockData, '[[{{"input": ');
    // Every keystroke above was text that is not JSON: the live diff must not throw on it.
    expect(() => patch()).not.toThrow();
    await expect(form.trigger()).resolves.toBe(false);
    expect(form.getFieldState('mock_tools.0.mock_data').error?.message).toBe('Enter valid JSON');
  });

  it('shows an error at mock data that is JSON but not a list of pairs', async () => {
    const { user, form } = renderEditorSection(<MockToolsSection />);
    const mockData = within(tool('lookup_order')).getByRole('textbox', { name: 'Mock data' });
    await user.clear(mockData);
    await user.type(mockData, '{{"input": 1}');
    expect(await form.trigger('mock_tools.0.mock_data')).toBe(false);
    expect(
      await within(tool('lookup_order')).findByText('Mock data is a JSON list of {"input": …, "output": …} pairs'),
    ).toBeInTheDocument();
  });

  it('shows an error at the second of two tools with the same name', async () => {
    const { user, form } = renderEditorSection(<MockToolsSection />);
    const secondName = within(tool('refund')).getByRole('textbox', { name: 'Name' });
    await user.clear(secondName);
    await user.type(secondName, 'lookup_order');
    expect(await form.trigger()).toBe(false);

    const [first, second] = screen.getAllByRole('group', { name: 'lookup_order' });
    expect(await within(second ?? document.body).findByText('Another mock tool has this name')).toBeInTheDocument();
    expect(within(first ?? document.body).queryByText('Another mock tool has this name')).not.toBeInTheDocument();
    expect(secondName).toHaveAttribute('aria-invalid', 'true');
  });

  it('undoes a removal until saved: the tool is back in its place and nothing is sent', async () => {
    const { user, patch } = renderEditorSection(<MockToolsSection />);
    await user.click(screen.getByRole('button', { name: 'Remove lookup_order' }));
    expect(patch()).toEqual({ mock_tools: [{ id: 12 }] });
    const removed = screen.getByRole('region', { name: 'Removed mock tools' });
    await user.click(within(removed).getByRole('button', { name: 'Undo removing lookup_order' }));

    expect(screen.queryByRole('region', { name: 'Removed mock tools' })).not.toBeInTheDocument();
    expect(within(tool('lookup_order')).getByRole('textbox', { name: 'Description' })).toHaveValue('Finds an order');
    expect(patch()).toEqual({});
  });

  it('shows a long list as closed cards with a summary, each opened on demand', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      id: 100 + i,
      name: `tool_${i}`,
      description: `Does thing ${i}`,
      mock_data: [],
      freetext_params: [],
      served_via: { type: 'direct' as const },
    }));
    const { user } = renderEditorSection(<MockToolsSection />, { agent: sampleAgent({ mock_tools: many }) });
    const third = tool('tool_2');
    expect(within(third).getByText('Does thing 2')).toBeInTheDocument();
    expect(within(third).getByText('Direct')).toBeInTheDocument();
    expect(within(third).queryByRole('textbox', { name: 'Description' })).not.toBeInTheDocument();
    expect(within(third).getByRole('button', { name: 'Remove tool_2' })).toBeInTheDocument();

    await user.click(within(third).getByRole('button', { name: 'Open tool_2' }));
    expect(within(third).getByRole('textbox', { name: 'Description' })).toHaveValue('Does thing 2');
    expect(within(third).getByRole('button', { name: 'Close tool_2' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('says when the agent has no mock tools', () => {
    const { patch } = renderEditorSection(<MockToolsSection />, { agent: sampleAgent({ mock_tools: [] }) });
    expect(screen.getByText('This agent has no mock tools.')).toBeInTheDocument();
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(patch()).toEqual({});
  });
});
