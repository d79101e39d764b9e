import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseApiAgent } from '../../../agent/api-schema';
import type { ApiAgent } from '../../../agent/api-schema';
import { applyAgentPatch } from '../../../agent/apply-agent-patch';
import { agentQueries } from '../../../api/agent-queries';
import { signOut } from '../../../api/api-key-store';
import { sampleAgent } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../../testing/stub-fetch';
import { forgetLastSave, getLastSave } from '../last-save-store';

const AGENT_PATH = '/test_framework/v2/aiagents/42/';

/** The API at the network edge: one agent, PATCHes applied under the contract's rules. */
function fakeApi(initial: ApiAgent = sampleAgent()) {
  let agent = initial;
  let clock = Date.parse('2026-02-01T00:00:00Z');
  let nextId = 100;
  const requests = stubFetch({
    [`GET ${AGENT_PATH}`]: () => jsonResponse(agent),
    'GET /user/v1/projects/': () => jsonResponse([{ id: 1, name: 'Support' }]),
    [`PATCH ${AGENT_PATH}`]: ({ body }) => {
      api.save(body as Record<string, unknown>);
      return jsonResponse(agent);
    },
  });
  const api = {
    requests,
    patches: () => requests.filter((r) => r.method === 'PATCH').map((r) => r.body),
    current: () => agent,
    /** A save by anyone (the app, or a colleague between load and save). */
    save: (body: Record<string, unknown>) => {
      clock += 60_000;
      const next = applyAgentPatch(agent, body, {
        nextId: () => (nextId += 1),
        now: () => new Date(clock).toISOString(),
        createFile: () => ({ file_url: 'https://files.example.com/new', file_type: 'text/plain', file_size: 1 }),
        servedViaUrl: () => 'https://mock.example.com/new',
      });
      agent = parseApiAgent({ ...next, updated_at: new Date(clock).toISOString() });
    },
  };
  return api;
}

async function openEditor(section = 'general') {
  const result = renderApp(`/agents/42/${section}`, { apiKey: 'test-key' });
  expect(await screen.findByRole('heading', { name: 'Support triage', level: 1 })).toBeInTheDocument();
  return result;
}

const saveButton = () => screen.getByRole('button', { name: 'Save changes' });

afterEach(() => {
  forgetLastSave();
  signOut();
  vi.unstubAllGlobals();
});

describe('a save reads the agent first', () => {
  it('merges onto a version saved meanwhile and says what that version changed', async () => {
    const api = fakeApi();
    const { user } = await openEditor();
    await user.type(screen.getByLabelText(/^Name/), ' v2');
    api.save({ description: 'Changed by a colleague.', dynamic_variables: [{ name: 'colleague_var', description: 'Theirs' }] });
    await user.click(saveButton());

    expect(await screen.findByText('Updated Name.')).toBeInTheDocument();
    expect(
      screen.getByText('Merged with the newer version someone else saved; their change touched Description and Dynamic variables.'),
    ).toBeInTheDocument();
    expect(api.patches()).toEqual([{ name: 'Support triage v2' }]);
    expect(api.current().description).toBe('Changed by a colleague.');
    expect(screen.getByLabelText('Description')).toHaveValue('Changed by a colleague.');
    await waitFor(() => expect(saveButton()).toBeDisabled());
  });

  it('sends one GET and one PATCH, as before, when nobody else saved', async () => {
    const api = fakeApi();
    const { user } = await openEditor();
    const before = api.requests.length;
    await user.type(screen.getByLabelText(/^Name/), ' v2');
    await user.click(saveButton());
    expect(await screen.findByText('Updated Name.')).toBeInTheDocument();
    expect(api.requests.slice(before).map((r) => `${r.method} ${r.url.pathname}`)).toEqual([`GET ${AGENT_PATH}`, `PATCH ${AGENT_PATH}`]);
    expect(api.patches()).toEqual([{ name: 'Support triage v2' }]);
    expect(screen.queryByText(/Merged with the newer version/)).not.toBeInTheDocument();
  });
});

describe('the notice of a newer version', () => {
  it('names what changed and merges it into my edits, keeping both', async () => {
    const api = fakeApi();
    const { user, queryClient } = await openEditor();
    await user.type(screen.getByLabelText(/^Name/), ' v2');
    api.save({ description: 'Changed by a colleague.' });
    queryClient.setQueryData(agentQueries.detail(42).queryKey, api.current()); // a background refetch

    const notice = (await screen.findByText(/Someone saved it at/)).closest('[role="alert"]') as HTMLElement;
    expect(notice).toHaveTextContent(', changing Description.');
    await user.click(within(notice).getByRole('button', { name: 'Merge into my edits' }));

    expect(screen.getByLabelText('Description')).toHaveValue('Changed by a colleague.');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Support triage v2');
    await waitFor(() => expect(screen.queryByText(/Someone saved it at/)).not.toBeInTheDocument());
    await user.click(saveButton());
    expect(await screen.findByText('Updated Name.')).toBeInTheDocument();
    expect(api.patches()).toEqual([{ name: 'Support triage v2' }]);
  });

  it('asks about a field both changed; Apply to my edits changes the form only', async () => {
    const api = fakeApi();
    const { user, queryClient } = await openEditor();
    await user.clear(screen.getByLabelText('Description'));
    await user.type(screen.getByLabelText('Description'), 'Mine.');
    api.save({ description: 'Theirs.' });
    queryClient.setQueryData(agentQueries.detail(42).queryKey, api.current());

    await user.click(await screen.findByRole('button', { name: 'Merge into my edits' }));
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this agent' });
    const group = within(dialog).getByRole('radiogroup', { name: 'Description' });
    expect(within(group).getByRole('radio', { name: 'Keep mine' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'Take theirs' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply to my edits' }));

    await waitFor(() => expect(screen.getByLabelText('Description')).toHaveValue('Theirs.'));
    expect(api.patches()).toEqual([]);
    await waitFor(() => expect(saveButton()).toBeDisabled());
  });

  it('offers to load the latest version when there are no edits', async () => {
    const api = fakeApi();
    const { user, queryClient } = await openEditor();
    api.save({ description: 'Changed by a colleague.' });
    queryClient.setQueryData(agentQueries.detail(42).queryKey, api.current());

    await user.click(await screen.findByRole('button', { name: 'Load the latest version' }));
    expect(screen.getByLabelText('Description')).toHaveValue('Changed by a colleague.');
    expect(screen.queryByRole('button', { name: 'Merge into my edits' })).not.toBeInTheDocument();
  });
});

describe('Undo', () => {
  it('puts back what the save changed, after saying a typed secret cannot be put back', async () => {
    const api = fakeApi();
    const { user } = await openEditor('webhook');
    await user.click(screen.getByRole('button', { name: 'Replace Webhook secret' }));
    await user.type(screen.getByLabelText('Webhook secret', { exact: true }), 'new-secret');
    await user.clear(screen.getByLabelText('Webhook URL'));
    await user.type(screen.getByLabelText('Webhook URL'), 'https://hooks.example.com/v2');
    await user.click(saveButton());

    const saved = (await screen.findByText('Changes saved')).closest('[role="alert"]') as HTMLElement;
    expect(getLastSave()?.sent).toEqual({ webhook_url: 'https://hooks.example.com/v2', webhook_secret: 'new-secret' });
    await user.click(within(saved).getByRole('button', { name: 'Undo' }));

    const confirm = await screen.findByRole('dialog', { name: 'Undo cannot put everything back' });
    expect(confirm).toHaveTextContent('“Webhook secret” was set by the save');
    expect(confirm).not.toHaveTextContent('new-secret');
    await user.click(within(confirm).getByRole('button', { name: 'Undo the rest' }));

    expect(await screen.findByText('Save undone')).toBeInTheDocument();
    expect(api.patches()).toEqual([
      { webhook_url: 'https://hooks.example.com/v2', webhook_secret: 'new-secret' },
      { webhook_url: 'https://hooks.example.com/cekura' },
    ]);
    expect(screen.getByLabelText('Webhook URL')).toHaveValue('https://hooks.example.com/cekura');
    expect(getLastSave()).toBeNull();
  });

  it('asks nothing when everything can be put back', async () => {
    const api = fakeApi();
    const { user } = await openEditor();
    await user.type(screen.getByLabelText(/^Name/), ' v2');
    await user.click(saveButton());
    const saved = (await screen.findByText('Changes saved')).closest('[role="alert"]') as HTMLElement;
    await user.click(within(saved).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Save undone')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Undo cannot put everything back' })).not.toBeInTheDocument();
    expect(api.patches()).toEqual([{ name: 'Support triage v2' }, { name: 'Support triage' }]);
  });
});
