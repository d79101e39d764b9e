import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signOut } from '../../../api/api-key-store';
import { sampleAgent } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../../testing/stub-fetch';
import type { StubRequest } from '../../../testing/stub-fetch';

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

function serve(ids: number[]) {
  const agents = new Map(ids.map((id) => [id, sampleAgent({ id, name: `Agent ${id}` })] as const));
  const handlers: Record<string, (r: StubRequest) => Response> = { 'GET /user/v1/projects/': () => jsonResponse([{ id: 1, name: 'Support' }]) };
  for (const id of ids) {
    handlers[`GET /test_framework/v2/aiagents/${id}/`] = () => jsonResponse(agents.get(id));
    handlers[`PATCH /test_framework/v2/aiagents/${id}/`] = ({ body }) => jsonResponse({ ...agents.get(id), ...(body as object), updated_at: '2026-03-01T00:00:00Z' });
  }
  return stubFetch(handlers);
}

describe('the bulk editor', () => {
  it('sends only the fields turned on, never shows or stores the webhook secret, and reports each agent', async () => {
    const requests = serve([1, 2]);
    const { user } = renderApp('/agents/bulk?ids=1,2', { apiKey: 'k' });
    const url = await screen.findByLabelText('Webhook URL');
    expect(url).toHaveValue('');
    expect(screen.getByLabelText('Language')).toHaveValue('__keep');
    expect(screen.getByText('Apply to 0 agents').closest('button')).toBeDisabled();

    // Pasted: one input event each (typing letter by letter re-renders the form per letter in jsdom).
    await user.click(url);
    await user.paste('https://hooks.example.com/new');
    const secret = screen.getByLabelText(/^Webhook secret/);
    expect(secret).toHaveValue('');
    await user.click(secret);
    await user.paste('hush-hush');

    const preview = await screen.findByLabelText('Agent 1');
    expect(preview).toHaveTextContent('Webhook URL: “https://hooks.example.com/cekura” → “https://hooks.example.com/new”');
    expect(preview).toHaveTextContent('Webhook secret: replaced with the secret typed (hidden)');
    expect(within(preview).getByLabelText('PATCH for Agent 1').textContent).toBe(
      JSON.stringify({ webhook_url: 'https://hooks.example.com/new', webhook_secret: '••••••••' }, null, 2),
    );
    expect(document.body.textContent).not.toContain('hush-hush');

    await user.click(screen.getByText('Apply to 2 agents'));
    const results = (await screen.findByText('Results', { selector: 'h2' })).closest('section') as HTMLElement;
    await waitFor(() => expect(results).toHaveTextContent('2 of 2: finished'));
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => [r.url.pathname, r.body])).toEqual([
      ['/test_framework/v2/aiagents/1/', { webhook_url: 'https://hooks.example.com/new', webhook_secret: 'hush-hush' }],
      ['/test_framework/v2/aiagents/2/', { webhook_url: 'https://hooks.example.com/new', webhook_secret: 'hush-hush' }],
    ]);
    // Each agent was read just before its PATCH (after the preview's reads).
    expect(requests.filter((r) => r.method === 'GET' && r.url.pathname === '/test_framework/v2/aiagents/1/')).toHaveLength(2);
    expect(within(results).getAllByText('Saved')).toHaveLength(2);
    const inStorage = (storage: Storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`);
    const stored = [...inStorage(sessionStorage), ...inStorage(localStorage), window.location.href].join('\n');
    expect(stored).not.toContain('hush-hush');
    expect(screen.getByText(/“Webhook secret” was set by the save/)).toBeInTheDocument();
  });

  it('says why an edit cannot be sent yet, with the editor’s rules', async () => {
    serve([1]);
    const { user } = renderApp('/agents/bulk?ids=1', { apiKey: 'k' });
    await user.click(await screen.findByText('Add or update a variable'));
    const row = screen.getByText('Variable 1 to add or update').closest('fieldset') as HTMLElement;
    await user.click(within(row).getByLabelText('Variable name'));
    await user.paste('1st');
    expect(within(row).getByText('Start with a letter or _, then letters, digits or _')).toBeInTheDocument();
    expect(screen.getByText('Apply to 0 agents').closest('button')).toBeDisabled();
  });

  it('leaves every field out until it is set; a select back on Keep as is, or Keep … as is, leaves it out again', async () => {
    serve([1, 2]);
    const { user } = renderApp('/agents/bulk?ids=1,2', { apiKey: 'k' });
    const apply = async (n: number) => (await screen.findByText(`Apply to ${n} agents`)).closest('button');

    await user.selectOptions(await screen.findByLabelText('Language'), 'de');
    expect(await apply(2)).toBeEnabled();
    await user.selectOptions(screen.getByLabelText('Language'), '__keep');
    expect(await apply(0)).toBeDisabled();

    await user.click(screen.getByLabelText('Webhook URL'));
    await user.paste('https://hooks.example.com/other');
    expect(await apply(2)).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Keep Webhook URL as is' }));
    expect(screen.getByLabelText('Webhook URL')).toHaveValue('');
    expect(await apply(0)).toBeDisabled();
    expect(screen.queryByRole('button', { name: /^Keep .* as is$/ })).not.toBeInTheDocument();
  });
});
