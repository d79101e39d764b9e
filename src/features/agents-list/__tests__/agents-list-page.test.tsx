import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signOut } from '../../../api/api-key-store';
import { sampleAgent } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../../testing/stub-fetch';

const LIST = 'GET /test_framework/v2/aiagents/';
const PROJECTS = 'GET /user/v1/projects/';

function agents(count: number) {
  return Array.from({ length: count }, (_, i) => sampleAgent({ id: i + 1, name: `Agent number ${i + 1}` }));
}

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('agents list', () => {
  it('shows each agent with its project, provider, language and phone number', async () => {
    stubFetch({
      [LIST]: () => jsonResponse({ count: 1, next: null, previous: null, results: [sampleAgent()] }),
      [PROJECTS]: () => jsonResponse([{ id: 1, name: 'Support' }]),
    });
    renderApp('/agents', { apiKey: 'k' });
    const link = await screen.findByRole('link', { name: 'Support triage' });
    expect(link).toHaveAttribute('href', '/agents/42/general');
    const row = link.closest('tr');
    expect(row).not.toBeNull();
    const cells = within(row as HTMLElement);
    expect(cells.getByText('42')).toBeInTheDocument();
    expect(await cells.findByText('Support')).toBeInTheDocument();
    expect(cells.getByText('vapi')).toBeInTheDocument();
    expect(cells.getByText('English')).toBeInTheDocument();
    expect(cells.getByText('+14155551234')).toBeInTheDocument();
  });

  it('filters by project from the URL and the picker, and opens an agent by clicking its row', async () => {
    const requests = stubFetch({
      [LIST]: ({ url }) => {
        const project = url.searchParams.get('project_id');
        const results = project === '2' ? [sampleAgent({ id: 9, name: 'Sales agent', project: 2 })] : agents(3);
        return jsonResponse({ count: results.length, next: null, previous: null, results });
      },
      [PROJECTS]: () => jsonResponse([{ id: 1, name: 'Support' }, { id: 2, name: 'Sales' }]),
    });
    const { user, router } = renderApp('/agents?project=2', { apiKey: 'k' });
    expect(await screen.findByRole('link', { name: 'Sales agent' })).toBeInTheDocument();
    expect(requests.filter((r) => r.url.pathname.endsWith('/aiagents/')).every((r) => r.url.searchParams.get('project_id') === '2')).toBe(true);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Project' }), 'Support');
    await waitFor(() => expect(router.state.location.search).toEqual({ project: 1 }));
    expect(await screen.findByRole('link', { name: 'Agent number 1' })).toBeInTheDocument();

    const row = screen.getByRole('link', { name: 'Agent number 2' }).closest('tr');
    expect(row).not.toBeNull();
    await user.click(within(row as HTMLElement).getByText('English'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/agents/2/general'));
  });

  it('searches after a pause in typing and keeps page and q in the URL', async () => {
    const requests = stubFetch({
      [LIST]: ({ url }) => {
        const q = url.searchParams.get('q');
        const results = q === null ? agents(45).slice(0, 20) : [sampleAgent({ id: 7, name: `Found ${q}` })];
        return jsonResponse({ count: q === null ? 45 : 1, next: null, previous: null, results });
      },
      [PROJECTS]: () => jsonResponse([]),
    });
    const { user, router } = renderApp('/agents', { apiKey: 'k' });
    expect(await screen.findByText('1–20 of 45 agents')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ page: 2 }));
    expect(requests.some((r) => r.url.searchParams.get('page') === '2')).toBe(true);

    await user.type(screen.getByLabelText('Search agents'), 'billing');
    expect(await screen.findByRole('link', { name: 'Found billing' })).toBeInTheDocument();
    expect(router.state.location.search).toEqual({ q: 'billing' });
    const searches = requests.filter((r) => r.url.searchParams.has('q'));
    expect(searches.map((r) => r.url.searchParams.get('q'))).toEqual(['billing']);
  });

  it('says when nothing matches', async () => {
    stubFetch({
      [LIST]: () => jsonResponse({ count: 0, next: null, previous: null, results: [] }),
      [PROJECTS]: () => jsonResponse([]),
    });
    renderApp('/agents?q=zzz', { apiKey: 'k' });
    expect(await screen.findByText('No agents match “zzz”')).toBeInTheDocument();
  });

  it('shows an error with a Retry button that loads again', async () => {
    let calls = 0;
    stubFetch({
      [LIST]: () => {
        calls += 1;
        return calls === 1
          ? jsonResponse({ detail: 'Service unavailable' }, 503)
          : jsonResponse({ count: 1, next: null, previous: null, results: [sampleAgent()] });
      },
      [PROJECTS]: () => jsonResponse([]),
    });
    const { user } = renderApp('/agents', { apiKey: 'k' });
    expect(await screen.findByText('Service unavailable')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Support triage' })).toBeInTheDocument();
  });
});

describe('agents list, out of range', () => {
  it('offers the first page when the page asked for does not exist', async () => {
    stubFetch({
      [LIST]: ({ url }) =>
        url.searchParams.get('page') === '1'
          ? jsonResponse({ count: 1, next: null, previous: null, results: [sampleAgent()] })
          : jsonResponse({ detail: 'Invalid page.' }, 404),
      [PROJECTS]: () => jsonResponse([]),
    });
    const { user, router } = renderApp('/agents?page=9', { apiKey: 'k' });
    await user.click(await screen.findByRole('button', { name: 'Go to the first page' }));
    expect(await screen.findByRole('link', { name: 'Support triage' })).toBeInTheDocument();
    expect(router.state.location.search).toEqual({});
  });
});

describe('agents list, answers that do not parse', () => {
  it('shows an error with Retry, not an empty list, when results is not an array', async () => {
    let malformed = true;
    stubFetch({
      [LIST]: () =>
        jsonResponse(malformed ? { count: 3, next: null, previous: null, results: { oops: true } } : { count: 1, next: null, previous: null, results: [sampleAgent()] }),
      [PROJECTS]: () => jsonResponse([{ id: 1, name: 'Support' }]),
    });
    const { user } = renderApp('/agents', { apiKey: 'k' });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the agents')).toBeInTheDocument();
    expect(within(alert).getByText('The Cekura API sent an answer this dashboard does not understand')).toBeInTheDocument();
    expect(screen.queryByText('No agents yet')).not.toBeInTheDocument();
    expect(screen.queryByText(/of 3 agents/)).not.toBeInTheDocument();

    malformed = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Support triage' })).toBeInTheDocument();
  });

  it('says at the project filter when the projects answer is not an array, and retries', async () => {
    let malformed = true;
    stubFetch({
      [LIST]: () => jsonResponse({ count: 1, next: null, previous: null, results: [sampleAgent()] }),
      [PROJECTS]: () => jsonResponse(malformed ? { results: 'nope' } : [{ id: 1, name: 'Support' }]),
    });
    const { user } = renderApp('/agents', { apiKey: 'k' });
    expect(await screen.findByText(/The projects did not load/)).toBeInTheDocument();
    malformed = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('option', { name: 'Support' })).toBeInTheDocument();
    expect(screen.queryByText(/The projects did not load/)).not.toBeInTheDocument();
  });
});
