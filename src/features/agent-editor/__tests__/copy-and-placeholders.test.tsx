import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInWithApiKey, signOut } from '../../../api/api-key-store';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { jsonResponse, stubFetch } from '../../../testing/stub-fetch';
import { DynamicVariablesSection } from '../components/dynamic-variables-section';
import { GeneralSection } from '../components/general-section';

/** The agent copied from: `plan` clashes with the edited agent's, `postcode` is new. */
const other = sampleAgent({
  id: 43,
  name: 'Billing bot',
  dynamic_variables: [
    { id: 1, name: 'plan', description: 'Tier' },
    { id: 2, name: 'postcode', description: 'Where the caller lives' },
  ],
});

function stubAgents() {
  return stubFetch({
    // The edited agent (42) is listed too: the picker leaves it out.
    'GET /test_framework/v2/aiagents/': () =>
      jsonResponse({ count: 2, next: null, previous: null, results: [sampleAgent(), other] }),
    'GET /test_framework/v2/aiagents/43/': () => jsonResponse(other),
    'GET /user/v1/projects/': () => jsonResponse([]),
  });
}

beforeEach(() => signInWithApiKey('test-key'));
afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

async function openAndPick(user: ReturnType<typeof renderEditorSection>['user']) {
  await user.click(screen.getByRole('button', { name: 'Copy from another agent' }));
  const dialog = screen.getByRole('dialog', { name: 'Copy variables from another agent' });
  await user.click(within(dialog).getByRole('combobox', { name: 'Agent' }));
  const option = await screen.findByRole('option', { name: 'Billing bot' });
  // The edited agent is in the answer but not among the options.
  expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Billing bot']);
  await user.click(option);
  await within(dialog).findByRole('checkbox', { name: 'postcode' });
  return dialog;
}

describe('Copy from another agent (variables)', () => {
  it('adds the chosen variables, skips a clash by default, and returns focus to the button', async () => {
    stubAgents();
    const { user, patch } = renderEditorSection(<DynamicVariablesSection />);
    const dialog = await openAndPick(user);

    await user.click(within(dialog).getByRole('checkbox', { name: 'Select all' }));
    expect(within(dialog).getByRole('checkbox', { name: 'plan' })).toBeChecked();
    expect(within(within(dialog).getByRole('radiogroup', { name: 'plan is already in this agent' })).getByRole('radio', { name: 'Skip' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Add 2 items' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy from another agent' })).toHaveFocus());
    expect(patch()).toEqual({
      dynamic_variables: [
        { name: 'customer_name', description: 'Full name' },
        { name: 'plan', description: 'Subscription plan' },
        { name: 'postcode', description: 'Where the caller lives' },
      ],
    });
  });

  it('Replace takes the copy’s description for the variable of that name', async () => {
    stubAgents();
    const { user, patch } = renderEditorSection(<DynamicVariablesSection />);
    const dialog = await openAndPick(user);
    await user.click(within(dialog).getByRole('checkbox', { name: 'plan' }));
    await user.click(within(within(dialog).getByRole('radiogroup', { name: 'plan is already in this agent' })).getByRole('radio', { name: 'Replace' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add 1 item' }));
    await waitFor(() => expect(patch()).toEqual({
      dynamic_variables: [
        { name: 'customer_name', description: 'Full name' },
        { name: 'plan', description: 'Tier' },
      ],
    }));
  });
});

describe('the agent picker while a search is answered', () => {
  it('offers no option of the previous answer until the answer for what was typed arrives, so a click cannot land on a stale one', async () => {
    const third = sampleAgent({ id: 44, name: 'Support bot' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    stubFetch({
      'GET /test_framework/v2/aiagents/': async ({ url }) => {
        if (url.searchParams.get('q') === 'Bill') {
          await held;
          return jsonResponse({ count: 1, next: null, previous: null, results: [other] });
        }
        return jsonResponse({ count: 3, next: null, previous: null, results: [sampleAgent(), third, other] });
      },
      'GET /user/v1/projects/': () => jsonResponse([]),
    });
    const { user } = renderEditorSection(<DynamicVariablesSection />);
    await user.click(screen.getByRole('button', { name: 'Copy from another agent' }));
    const dialog = screen.getByRole('dialog', { name: 'Copy variables from another agent' });
    const picker = within(dialog).getByRole('combobox', { name: 'Agent' });
    await user.click(picker);
    await screen.findByRole('option', { name: 'Support bot' });

    await user.type(picker, 'Bill');
    // Typed, answer not in yet: the previous answer's agents are not offered.
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(screen.getByText('Searching…')).toBeInTheDocument();

    release();
    await screen.findByRole('option', { name: 'Billing bot' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Billing bot']);
  });
});

describe('variables checked against the description', () => {
  const agent = sampleAgent({ description: 'Hello {{ customer_name }}, your {{tier}} plan.' });

  it('flags unused variables and adds a missing one, focusing its Description', async () => {
    stubAgents();
    const { user, patch } = renderEditorSection(<DynamicVariablesSection />, { agent });
    expect(within(screen.getByRole('group', { name: 'plan' })).getByText('Not used in the description')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'customer_name' })).queryByText('Not used in the description')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add variable tier' }));
    const tier = await screen.findByRole('group', { name: 'tier' });
    await waitFor(() => expect(within(tier).getByRole('textbox', { name: 'Description' })).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Add variable tier' })).not.toBeInTheDocument();
    await user.keyboard('Plan tier');
    expect(patch()).toEqual({
      dynamic_variables: [
        { name: 'customer_name', description: 'Full name' },
        { name: 'plan', description: 'Subscription plan' },
        { name: 'tier', description: 'Plan tier' },
      ],
    });
  });

  it('the General tab lists the placeholders as typed, marking those without a variable', async () => {
    stubAgents();
    const { user } = renderEditorSection(<GeneralSection />, { agent });
    const chips = () => within(screen.getByRole('list', { name: 'Placeholders in the description' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(chips()).toEqual(['{{customer_name}}', '{{tier}} · no variable']);
    await user.type(screen.getByRole('textbox', { name: 'Description' }), ' Post {{{{postcode}}');
    await waitFor(() => expect(chips()).toEqual(['{{customer_name}}', '{{tier}} · no variable', '{{postcode}} · no variable']));
  });
});
