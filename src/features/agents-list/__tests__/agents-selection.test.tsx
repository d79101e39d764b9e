import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signOut } from '../../../api/api-key-store';
import { sampleAgent } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../../testing/stub-fetch';
import { clearAgentSelection } from '../agent-selection';

const TOTAL = 45;
const all = Array.from({ length: TOTAL }, (_, i) => sampleAgent({ id: i + 1, name: `Agent number ${i + 1}` }));

afterEach(() => {
  clearAgentSelection();
  signOut();
  vi.unstubAllGlobals();
});

describe('ticking agents for a bulk edit', () => {
  it('ticks a row without opening it, the whole page, then every agent matching the filter, and Edit selected opens the bulk editor with their ids', async () => {
    const requests = stubFetch({
      'GET /test_framework/v2/aiagents/': ({ url }) => {
        const page = Number(url.searchParams.get('page') ?? 1);
        const size = Number(url.searchParams.get('page_size') ?? 10);
        const results = all.slice((page - 1) * size, page * size);
        return jsonResponse({ count: TOTAL, next: page * size < TOTAL ? `?page=${page + 1}` : null, previous: null, results });
      },
      'GET /user/v1/projects/': () => jsonResponse([]),
    });
    const { user, router } = renderApp('/agents?q=Agent', { apiKey: 'k' });
    await user.click(await screen.findByLabelText('Select Agent number 2'));
    expect(screen.getByText('1 agent selected')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/agents');

    await user.click(screen.getByLabelText('Select all agents on this page'));
    expect(screen.getByText('20 agents selected')).toBeInTheDocument();
    expect(screen.getByLabelText('Select Agent number 20')).toBeChecked();

    await user.click(screen.getByText(`Select all ${TOTAL} matching the filter`));
    expect(await screen.findByText(`${TOTAL} agents selected`)).toBeInTheDocument();
    const pages = requests.filter((r) => r.url.searchParams.get('page_size') === '100');
    expect(pages.map((r) => r.url.searchParams.get('q'))).toEqual(['Agent']);

    await user.click(screen.getByText('Edit selected'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/agents/bulk'));
    const ids = String((router.state.location.search as { ids?: string }).ids).split(',').map(Number);
    expect(ids.sort((a, b) => a - b)).toEqual(all.map((a) => a.id));
  });
});
