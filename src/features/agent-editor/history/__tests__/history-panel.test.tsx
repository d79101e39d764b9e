import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiAgent } from '../../../../agent/api-schema';
import { signOut } from '../../../../api/api-key-store';
import { renderApp } from '../../../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../../../testing/stub-fetch';
import type { StubRequest } from '../../../../testing/stub-fetch';
import { formatDateTime } from '../../../../utils/format-date-time';
import { sampleHistory } from './history-fixtures';

const AGENT = '/test_framework/v2/aiagents/42/';

/** DRF's page of `versions` for the request's `page` and `page_size`. */
function page(versions: readonly Record<string, unknown>[], request: StubRequest): Response {
  const size = Number(request.url.searchParams.get('page_size') ?? 10);
  const number = Number(request.url.searchParams.get('page') ?? 1);
  const results = versions.slice((number - 1) * size, number * size);
  if (results.length === 0 && number > 1) return jsonResponse({ detail: 'Invalid page.' }, 404);
  const link = (n: number) => `${AGENT}history/?page=${n}&page_size=${size}`;
  return jsonResponse({
    count: versions.length,
    next: number * size < versions.length ? link(number + 1) : null,
    previous: number > 1 ? link(number - 1) : null,
    results,
  });
}

function stubHistory(options: { versions?: Record<string, unknown>[]; onRestore?: (request: StubRequest, agent: ApiAgent) => Response } = {}) {
  const fixture = sampleHistory();
  const versions = options.versions ?? fixture.versions;
  const requests = stubFetch({
    [`GET ${AGENT}`]: () => jsonResponse(fixture.agent),
    [`GET ${AGENT}history/`]: (request) => page(versions, request),
    'GET /user/v1/projects/': () => jsonResponse([{ id: 1, name: 'Support' }]),
    ...(options.onRestore ? { [`POST ${AGENT}restore/`]: (request: StubRequest) => options.onRestore?.(request, fixture.agent) ?? jsonResponse({}, 500) } : {}),
  });
  return { requests, ...fixture };
}

async function openHistory(url = '/agents/42/history') {
  const result = renderApp(url, { apiKey: 'test-key' });
  expect(await screen.findByRole('heading', { name: 'Support triage', level: 1 })).toBeInTheDocument();
  return result;
}

const versionsTable = () => screen.findByRole('table', { name: 'Versions' });
const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('the History tab', () => {
  it('lists the versions newest first: name, date, who, and the type in words', async () => {
    const { requests } = stubHistory();
    await openHistory();
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
    const table = await versionsTable();
    expect(rowTexts(table)).toEqual([
      ['Version 3', formatDateTime('2026-01-03T09:00:00Z'), 'Carl Colleague', 'Changed'],
      ['Version 2', formatDateTime('2026-01-02T09:00:00Z'), 'Demo User', 'Changed'],
      ['Version 1', formatDateTime('2026-01-01T09:00:00Z'), 'Unknown', 'Created'],
    ]);
    const historyRequest = requests.find((r) => r.url.pathname === `${AGENT}history/`);
    expect(historyRequest?.url.searchParams.get('page')).toBe('1');
    expect(historyRequest?.url.searchParams.get('page_size')).toBe('10');
    expect(screen.getByText('1–3 of 3 versions')).toBeInTheDocument();
  });

  it('says plainly which fields the API does not version', async () => {
    stubHistory();
    await openHistory();
    const note = await screen.findByText(/The API does not version telephony, provider, webhook, who speaks first or secrets/);
    expect(note).toHaveTextContent(/Telephony/);
    expect(note).toHaveTextContent(/Agent speaks first/);
    expect(note).toHaveTextContent(/restoring a version leaves them as they are/);
  });

  it('pages through the versions, and compares the oldest of a page with the first of the next', async () => {
    const { versions: [v3] } = sampleHistory();
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...v3,
      history_id: 12 - i,
      version_name: `Version ${12 - i}`,
      description: `Text ${12 - i}`,
    }));
    const { requests } = stubHistory({ versions: many });
    const { user } = await openHistory();
    const table = await versionsTable();
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(screen.getByText('1–10 of 12 versions')).toBeInTheDocument();

    // The oldest on page 1 is compared with the newest on page 2, fetched for it.
    await user.click(within(table).getByRole('button', { name: 'Version 3' }));
    const changes = await screen.findByRole('list', { name: 'What Version 3 changed' });
    expect(changes).toHaveTextContent('Description: from “Text 2” to “Text 3”');
    expect(screen.getByText('Compared with Version 2:')).toBeInTheDocument();
    expect(requests.some((r) => r.url.pathname === `${AGENT}history/` && r.url.searchParams.get('page') === '2')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Older versions' }));
    await waitFor(() => expect(screen.getByText('11–12 of 12 versions')).toBeInTheDocument());
    const older = await versionsTable();
    expect(rowTexts(older).map((cells) => cells[0])).toEqual(['Version 2', 'Version 1']);
    await user.click(within(older).getByRole('button', { name: 'Version 1' }));
    expect(await screen.findByText(/This is the first recorded version/)).toBeInTheDocument();
  });

  it('shows in words what a selected version changed, by click or by keyboard', async () => {
    stubHistory();
    const { user } = await openHistory();
    const table = await versionsTable();
    expect(screen.getByText('Select a version to see what it changed.')).toBeInTheDocument();

    // Clicking anywhere on the row selects it.
    await user.click(within(table).getByText('Carl Colleague'));
    expect(within(table).getByRole('button', { name: 'Version 3' })).toHaveAttribute('aria-pressed', 'true');
    const v3 = await screen.findByRole('list', { name: 'What Version 3 changed' });
    expect(v3).toHaveTextContent('Mock tools');
    expect(v3).toHaveTextContent('added “refund”');
    expect(v3).toHaveTextContent('changed “plan”: description from “Plan” to “Subscription plan”');
    expect(v3).toHaveTextContent('Knowledge base');
    expect(v3).toHaveTextContent('added “prices.csv”');
    expect(screen.getByText(/Changed by Carl Colleague on/)).toBeInTheDocument();

    // The arrow keys move the focus and the selection.
    within(table).getByRole('button', { name: 'Version 3' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(within(table).getByRole('button', { name: 'Version 2' })).toHaveFocus();
    const v2 = await screen.findByRole('list', { name: 'What Version 2 changed' });
    expect(v2).toHaveTextContent('Description: from “Answers questions.” to “Answers billing questions.”');
    expect(v2).toHaveTextContent('added “plan”');
    await user.keyboard('{ArrowDown}');
    expect(await screen.findByText(/This is the first recorded version/)).toBeInTheDocument();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(within(table).getByRole('button', { name: 'Version 3' })).toHaveFocus();
    expect(within(table).getByRole('button', { name: 'Version 3' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(table).getByRole('button', { name: 'Version 1' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('names what a restore will change, then restores and makes the answer the form baseline', async () => {
    const { requests } = stubHistory({
      onRestore: (_request, agent) =>
        jsonResponse({
          ...agent,
          description: 'Answers questions.',
          mock_tools: agent.mock_tools?.slice(0, 1),
          dynamic_variables: agent.dynamic_variables?.slice(0, 1),
          knowledge_base_files: agent.knowledge_base_files?.slice(0, 1),
          updated_at: '2026-02-01T10:00:00Z',
        }),
    });
    const { user } = await openHistory();
    await user.click(within(await versionsTable()).getByRole('button', { name: 'Version 1' }));
    await user.click(screen.getByRole('button', { name: 'Restore this version' }));

    const dialog = await screen.findByRole('dialog', { name: 'Restore Version 1?' });
    const changes = within(dialog).getByRole('list', { name: 'What restoring Version 1 changes' });
    expect(changes).toHaveTextContent('Description: from “Answers billing questions.” to “Answers questions.”');
    expect(changes).toHaveTextContent('removed “refund”');
    expect(changes).toHaveTextContent('removed “plan”');
    expect(changes).toHaveTextContent('removed “prices.csv”');
    expect(dialog).toHaveTextContent(/Telephony.*and secrets are not versioned: they stay as they are/);

    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const restores = requests.filter((r) => r.method === 'POST');
    expect(restores.map((r) => [r.url.pathname, r.body])).toEqual([[`${AGENT}restore/`, { history_id: 1 }]]);
    expect(await screen.findByText('The agent is back to Version 1.')).toBeInTheDocument();
    // The history is read again: the restore is a version too.
    await waitFor(() => expect(requests.filter((r) => r.url.pathname === `${AGENT}history/`).length).toBeGreaterThan(1));

    await user.click(screen.getByRole('tab', { name: /^General/ }));
    expect(await screen.findByLabelText(/^Description/)).toHaveValue('Answers questions.');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await user.click(screen.getByRole('tab', { name: /^Dynamic variables/ }));
    expect(await screen.findByDisplayValue('customer_name')).toBeInTheDocument();
    expect(screen.queryByDisplayValue('plan')).not.toBeInTheDocument();
  });

  it('with unsaved edits, asks to discard them first; Cancel keeps them', async () => {
    const { requests } = stubHistory({
      onRestore: (_request, agent) => jsonResponse({ ...agent, description: 'Answers questions.', updated_at: '2026-02-01T10:00:00Z' }),
    });
    const { user } = await openHistory('/agents/42/general');
    const name = await screen.findByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Edited name');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled());

    await user.click(screen.getByRole('tab', { name: 'History' }));
    await user.click(within(await versionsTable()).getByRole('button', { name: 'Version 1' }));
    await user.click(screen.getByRole('button', { name: 'Restore this version' }));
    const dialog = await screen.findByRole('dialog', { name: 'You have unsaved changes' });
    expect(dialog).toHaveTextContent('Restoring Version 1 discards your unsaved edits. To keep them, cancel and save them first');
    expect(within(dialog).getByRole('list', { name: 'What restoring Version 1 changes' })).toHaveTextContent('removed “plan”');
    expect(within(dialog).queryByRole('button', { name: 'Restore' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
    await user.click(screen.getByRole('tab', { name: /^General/ }));
    expect(await screen.findByLabelText(/^Name/)).toHaveValue('Edited name');

    await user.click(screen.getByRole('tab', { name: 'History' }));
    await user.click(within(await versionsTable()).getByRole('button', { name: 'Version 1' }));
    await user.click(screen.getByRole('button', { name: 'Restore this version' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'You have unsaved changes' })).getByRole('button', { name: 'Discard and restore' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    await user.click(screen.getByRole('tab', { name: /^General/ }));
    expect(await screen.findByLabelText(/^Name/)).toHaveValue('Support triage');
    expect(screen.getByLabelText(/^Description/)).toHaveValue('Answers questions.');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('keeps the dialog open with the API message when the restore fails', async () => {
    stubHistory({ onRestore: () => jsonResponse({ history_id: ['Invalid history_id "1" - version not found for this agent.'] }, 400) });
    const { user } = await openHistory();
    await user.click(within(await versionsTable()).getByRole('button', { name: 'Version 1' }));
    await user.click(screen.getByRole('button', { name: 'Restore this version' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore Version 1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The version was not restored');
    expect(alert).toHaveTextContent('Invalid history_id "1" - version not found for this agent.');
    expect(screen.getByRole('dialog', { name: 'Restore Version 1?' })).toBeInTheDocument();
  });
});
