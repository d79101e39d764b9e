import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { DynamicVariablesSection } from '../components/dynamic-variables-section';

const variable = (name: string) => screen.getByRole('group', { name });

describe('DynamicVariablesSection', () => {
  it('shows each variable as a group named by its name, its controls named by their labels', () => {
    renderEditorSection(<DynamicVariablesSection />);

    const customer = variable('customer_name');
    expect(within(customer).getByRole('textbox', { name: 'Name' })).toHaveValue('customer_name');
    expect(within(customer).getByRole('textbox', { name: 'Description' })).toHaveValue('Full name');
    expect(within(customer).getByRole('button', { name: 'Remove customer_name' })).toBeInTheDocument();
    expect(within(variable('plan')).getByRole('textbox', { name: 'Description' })).toHaveValue('Subscription plan');
    expect(screen.getByRole('button', { name: 'Add variable' })).toBeInTheDocument();
    expect(screen.getByText('2 variables')).toBeInTheDocument();
  });

  it('renames the group with the variable and sends every variable', async () => {
    const { user, patch } = renderEditorSection(<DynamicVariablesSection />);
    const plan = variable('plan');
    const name = within(plan).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'tier');

    expect(screen.queryByRole('group', { name: 'plan' })).not.toBeInTheDocument();
    expect(variable('tier')).toBe(plan);
    expect(within(plan).getByRole('button', { name: 'Remove tier' })).toBeInTheDocument();
    expect(patch()).toEqual({
      dynamic_variables: [
        { name: 'customer_name', description: 'Full name' },
        { name: 'tier', description: 'Subscription plan' },
      ],
    });
  });

  it('removes a variable: the patch is every remaining {name, description}', async () => {
    const { user, patch } = renderEditorSection(<DynamicVariablesSection />);
    await user.click(screen.getByRole('button', { name: 'Remove customer_name' }));
    expect(screen.queryByRole('group', { name: 'customer_name' })).not.toBeInTheDocument();
    expect(screen.getByText('1 variable')).toBeInTheDocument();
    expect(patch()).toEqual({ dynamic_variables: [{ name: 'plan', description: 'Subscription plan' }] });
  });

  it('sends every variable when one description changes', async () => {
    const { user, patch } = renderEditorSection(<DynamicVariablesSection />);
    await user.type(within(variable('customer_name')).getByRole('textbox', { name: 'Description' }), ' of the caller');
    expect(patch()).toEqual({
      dynamic_variables: [
        { name: 'customer_name', description: 'Full name of the caller' },
        { name: 'plan', description: 'Subscription plan' },
      ],
    });
  });

  it('adds a variable as a group called “New variable” until it is named', async () => {
    const { user, patch } = renderEditorSection(<DynamicVariablesSection />);
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    const added = variable('New variable');
    await user.type(within(added).getByRole('textbox', { name: 'Name' }), 'order_id');
    await user.type(within(added).getByRole('textbox', { name: 'Description' }), 'The order asked about');
    expect(variable('order_id')).toBe(added);
    expect(patch()).toEqual({
      dynamic_variables: [
        { name: 'customer_name', description: 'Full name' },
        { name: 'plan', description: 'Subscription plan' },
        { name: 'order_id', description: 'The order asked about' },
      ],
    });
  });

  it('shows the duplicate-name error at the second variable only', async () => {
    const { user } = renderEditorSection(<DynamicVariablesSection />);
    const first = variable('customer_name');
    const second = variable('plan');
    const secondName = within(second).getByRole('textbox', { name: 'Name' });
    await user.clear(secondName);
    await user.type(secondName, 'customer_name');
    await user.tab();

    expect(await within(second).findByText('Another variable has this name')).toBeInTheDocument();
    expect(secondName).toHaveAttribute('aria-invalid', 'true');
    expect(within(first).queryByText('Another variable has this name')).not.toBeInTheDocument();
    expect(within(first).getByRole('textbox', { name: 'Name' })).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows an error at an invalid name and at an empty description', async () => {
    const { user } = renderEditorSection(<DynamicVariablesSection />);
    const plan = variable('plan');
    const name = within(plan).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, '9lives');
    await user.clear(within(plan).getByRole('textbox', { name: 'Description' }));
    await user.tab();

    expect(await within(variable('9lives')).findByText('Start with a letter or _, then letters, digits or _')).toBeInTheDocument();
    expect(within(variable('9lives')).getByText('Description is required')).toBeInTheDocument();
  });

  it('undoes a removal until saved: the variable is back where it was and nothing is sent', async () => {
    const { user, patch } = renderEditorSection(<DynamicVariablesSection />);
    await user.click(screen.getByRole('button', { name: 'Remove customer_name' }));
    const removed = screen.getByRole('region', { name: 'Removed variables' });
    expect(within(removed).getByText('customer_name')).toBeInTheDocument();
    await user.click(within(removed).getByRole('button', { name: 'Undo removing customer_name' }));

    expect(screen.queryByRole('region', { name: 'Removed variables' })).not.toBeInTheDocument();
    expect(within(variable('customer_name')).getByRole('textbox', { name: 'Description' })).toHaveValue('Full name');
    expect(screen.getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual(['customer_name', 'plan']);
    expect(patch()).toEqual({});
  });

  it('focuses the new row’s Name when a variable is added', async () => {
    const { user } = renderEditorSection(<DynamicVariablesSection />);
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    await waitFor(() => expect(within(variable('New variable')).getByRole('textbox', { name: 'Name' })).toHaveFocus());
  });

  it('says when the agent has no variables', () => {
    renderEditorSection(<DynamicVariablesSection />, { agent: sampleAgent({ dynamic_variables: [] }) });
    expect(screen.getByText('This agent has no dynamic variables.')).toBeInTheDocument();
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });
});
