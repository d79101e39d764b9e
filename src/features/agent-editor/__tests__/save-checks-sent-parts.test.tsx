import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiAgent } from '../../../agent/api-schema';
import { signOut } from '../../../api/api-key-store';
import { sampleAgent } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../../testing/stub-fetch';

// The server holds a variable the dashboard's rules refuse (a space in its name, no description).
function stubServer() {
  let agent: ApiAgent = sampleAgent({ dynamic_variables: [{ name: 'bad name', description: '' }, { name: 'plan', description: 'Plan' }] });
  const requests = stubFetch({
    'GET /test_framework/v2/aiagents/42/': () => jsonResponse(agent),
    'GET /user/v1/projects/': () => jsonResponse([{ id: 1, name: 'Support' }]),
    'PATCH /test_framework/v2/aiagents/42/': ({ body }) => {
      agent = { ...agent, ...(body as object), updated_at: `2026-02-0${requests.filter((r) => r.method === 'PATCH').length}T10:00:00Z` };
      return jsonResponse(agent);
    },
  });
  return requests;
}

const saveButton = () => screen.getByRole('button', { name: 'Save changes' });
const patchesOf = (requests: ReturnType<typeof stubFetch>) => requests.filter((r) => r.method === 'PATCH').map((r) => r.body);

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('a save checks what it sends', () => {
  it('an untouched part the server holds does not block it; an edited field still gets its message; Discard goes back to the saved agent', async () => {
    const requests = stubServer();
    const { user } = renderApp('/agents/42/general', { apiKey: 'test-key' });
    const description = await screen.findByRole('textbox', { name: 'Description' });
    await user.type(description, ' Be brief.');
    await user.click(saveButton());
    await waitFor(() => expect(patchesOf(requests)).toEqual([{ description: `${sampleAgent().description} Be brief.` }]));
    await waitFor(() => expect(screen.getByText('No unsaved changes.')).toBeInTheDocument());

    // An edited field is checked on Save, its message at the field; nothing is sent.
    const name = screen.getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, '   ');
    await user.click(saveButton());
    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(patchesOf(requests)).toHaveLength(1);

    // Discard goes back to the agent as saved (the form's starting point moved with the save).
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(name).toHaveValue(sampleAgent().name));
    expect(description).toHaveValue(`${sampleAgent().description} Be brief.`);
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument();
  });
});
