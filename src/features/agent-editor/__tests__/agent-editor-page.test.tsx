import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiAgent } from '../../../agent/api-schema';
import { signOut } from '../../../api/api-key-store';
import { sampleAgent } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../../testing/stub-fetch';
import type { StubRequest } from '../../../testing/stub-fetch';

const AGENT_PATH = 'GET /test_framework/v2/aiagents/42/';
const PATCH_PATH = 'PATCH /test_framework/v2/aiagents/42/';

function stubAgent(onPatch?: (request: StubRequest, agent: ApiAgent) => Response) {
  const agent = sampleAgent();
  return stubFetch({
    [AGENT_PATH]: () => jsonResponse(agent),
    'GET /user/v1/projects/': () => jsonResponse([{ id: 1, name: 'Support' }]),
    ...(onPatch ? { [PATCH_PATH]: (request: StubRequest) => onPatch(request, agent) } : {}),
  });
}

async function openEditor() {
  const result = renderApp('/agents/42', { apiKey: 'test-key' });
  expect(await screen.findByRole('heading', { name: 'Support triage', level: 1 })).toBeInTheDocument();
  return result;
}

const saveButton = () => screen.getByRole('button', { name: 'Save changes' });

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('agent editor', () => {
  it('keeps Save disabled until a value differs from the loaded agent', async () => {
    stubAgent();
    const { user } = await openEditor();
    const name = screen.getByLabelText(/^Name/);

    expect(saveButton()).toBeDisabled();
    await user.type(name, ' v2');
    expect(saveButton()).toBeEnabled();
    await user.clear(name);
    await user.type(name, 'Support triage');
    expect(saveButton()).toBeDisabled();
  });

  it('sends only the changed field, then makes the response the new baseline', async () => {
    const requests = stubAgent(({ body }, agent) =>
      jsonResponse({ ...agent, ...(body as object), updated_at: '2026-02-01T10:00:00Z' }),
    );
    const { user } = await openEditor();
    const name = screen.getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Billing bot');
    await user.click(saveButton());

    expect(await screen.findByRole('heading', { name: 'Billing bot', level: 1 })).toBeInTheDocument();
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toEqual({ name: 'Billing bot' });
    expect(await screen.findByText('Updated Name.')).toBeInTheDocument();
    await waitFor(() => expect(saveButton()).toBeDisabled());
  });

  it('puts a 400 message at its field and keeps the edit', async () => {
    stubAgent(() => jsonResponse({ name: ['An agent with this name already exists.'] }, 400));
    const { user } = await openEditor();
    const name = screen.getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Taken name');
    await user.click(saveButton());

    expect(await screen.findByText('An agent with this name already exists.')).toBeInTheDocument();
    expect(name).toHaveValue('Taken name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows non-field errors above the form', async () => {
    stubAgent(() => jsonResponse({ non_field_errors: ['This agent is locked.'] }, 400));
    const { user } = await openEditor();
    await user.type(screen.getByLabelText('Description'), ' More.');
    await user.click(saveButton());

    const message = await screen.findByText('This agent is locked.');
    expect(message.closest('[role="alert"]')).toHaveTextContent('The agent was not saved');
  });

  it('says when the agent was deleted meanwhile, and keeps the edits to copy from', async () => {
    stubAgent(() => jsonResponse({ detail: 'Not found.' }, 404));
    const { user } = await openEditor();
    const name = screen.getByLabelText(/^Name/);
    await user.type(name, ' v2');
    await user.click(saveButton());

    expect(await screen.findByRole('heading', { name: 'Agent not found', level: 1 })).toBeInTheDocument();
    expect(name).toHaveValue('Support triage v2');
    expect(name).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
  });

  it('keeps every edit when the server fails', async () => {
    stubAgent(() => jsonResponse({ detail: 'Server exploded' }, 500));
    const { user } = await openEditor();
    const name = screen.getByLabelText(/^Name/);
    await user.type(name, ' v2');
    await user.click(screen.getByRole('radio', { name: 'Caller' }));
    await user.click(saveButton());

    expect(await screen.findByText(/Server exploded\. Your edits are kept\./)).toBeInTheDocument();
    expect(name).toHaveValue('Support triage v2');
    expect(screen.getByRole('radio', { name: 'Caller' })).toBeChecked();
    expect(saveButton()).toBeEnabled();
  });

  it('discards edits back to the loaded agent', async () => {
    stubAgent();
    const { user } = await openEditor();
    const name = screen.getByLabelText(/^Name/);
    await user.type(name, ' v2');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', { name: 'Discard' }));
    expect(name).toHaveValue('Support triage');
    expect(saveButton()).toBeDisabled();
  });

  it('says when the agent does not exist', async () => {
    stubFetch({ 'GET /user/v1/projects/': () => jsonResponse([]) });
    renderApp('/agents/999', { apiKey: 'test-key' });
    expect(await screen.findByText('Agent not found')).toBeInTheDocument();
  });
});
