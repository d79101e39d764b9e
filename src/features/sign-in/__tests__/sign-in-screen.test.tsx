import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_STORAGE_KEY, REMEMBER_FOR_MS, SESSION_STORAGE_KEY, signOut } from '../../../api/api-key-store';
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

  it('renders the page asked for after signing in, sending the key, keeping it in this tab only', async () => {
    const requests = stubApi();
    const { user, router } = renderApp('/agents?page=1');
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY);
    expect(screen.getByText(/kept in this tab only \(session storage\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Agents' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Support triage' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/agents');
    expect(requests.every((r) => r.headers.get('X-CEKURA-API-KEY') === GOOD_KEY)).toBe(true);
    expect(localStorage.length).toBe(0);
    expect(Object.keys(sessionStorage)).toEqual([SESSION_STORAGE_KEY]);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe(GOOD_KEY);
    expect(document.cookie).toBe('');
  });

  it('with "Remember me on this device", keeps the key in localStorage with an expiry of 12 hours at most', async () => {
    stubApi();
    const { user } = renderApp('/agents');
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY);
    await user.click(screen.getByRole('checkbox', { name: /Remember me on this device/ }));
    expect(screen.getByText(/kept on this device \(local storage\) for 12 hours/)).toBeInTheDocument();
    const before = Date.now();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Agents' })).toBeInTheDocument();

    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(Object.keys(localStorage)).toEqual([LOCAL_STORAGE_KEY]);
    const stored = JSON.parse(localStorage.getItem(LOCAL_STORAGE_KEY) ?? '{}') as { apiKey: string; expiresAt: number };
    expect(stored.apiKey).toBe(GOOD_KEY);
    expect(stored.expiresAt).toBeGreaterThan(before);
    expect(stored.expiresAt).toBeLessThanOrEqual(Date.now() + REMEMBER_FOR_MS);
    expect(document.cookie).toBe('');
  });

  it('Sign out forgets the key in both storages and shows the sign-in screen', async () => {
    stubApi();
    const { user } = renderApp('/agents');
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY);
    await user.click(screen.getByRole('checkbox', { name: /Remember me on this device/ }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByLabelText('API key')).toBeInTheDocument();
    expect(localStorage.getItem(LOCAL_STORAGE_KEY)).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
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
