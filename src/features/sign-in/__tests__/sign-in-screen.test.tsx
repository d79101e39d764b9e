import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signOut } from '../../../api/api-key-store';
import { sampleAgent } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../../testing/stub-fetch';

const GOOD_KEY = 'cekura-demo-key';

function stubApi() {
  return stubFetch({
    'GET /user/v1/projects/': ({ headers }) =>
      headers.get('X-CEKURA-API-KEY') === GOOD_KEY
        ? jsonResponse([{ id: 1, name: 'Support' }])
        : jsonResponse({ detail: 'Invalid API key.' }, 401),
    'GET /test_framework/v2/aiagents/': () =>
      jsonResponse({ count: 1, next: null, previous: null, results: [sampleAgent()] }),
  });
}

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('sign-in screen', () => {
  it('shows in place of the page until a key is given', async () => {
    stubApi();
    renderApp('/agents');
    expect(await screen.findByLabelText('API key')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Agents' })).not.toBeInTheDocument();
  });

  it('asks for a key when none is typed, without calling the API', async () => {
    const requests = stubApi();
    const { user } = renderApp('/agents');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your API key')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('says so at the field when the API rejects the key', async () => {
    stubApi();
    const { user } = renderApp('/agents');
    await user.type(await screen.findByLabelText('API key'), 'wrong-key');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('That API key was not accepted')).toBeInTheDocument();
    expect(screen.getByLabelText('API key')).toHaveAttribute('aria-invalid', 'true');
  });

  it('renders the page asked for after signing in, sending the key, storing it nowhere', async () => {
    const requests = stubApi();
    const { user, router } = renderApp('/agents?page=1');
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Agents' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Support triage' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/agents');
    expect(requests.every((r) => r.headers.get('X-CEKURA-API-KEY') === GOOD_KEY)).toBe(true);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
  });

  it('asks to sign in again when the API stops accepting the key, keeping the URL', async () => {
    stubFetch({
      'GET /test_framework/v2/aiagents/': () => jsonResponse({ detail: 'Invalid API key.' }, 401),
      'GET /user/v1/projects/': () => jsonResponse([]),
    });
    const { router } = renderApp('/agents', { apiKey: 'revoked-key' });
    expect(await screen.findByRole('heading', { name: 'Sign in again' })).toBeInTheDocument();
    expect(screen.getByLabelText('API key')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/agents'));
  });
});
