import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getApiKey, signInWithApiKey, signOut } from '../api-key-store';
import { ApiError, apiFetch } from '../client';
import { jsonResponse, stubFetch } from '../../testing/stub-fetch';

const schema = z.object({ ok: z.boolean() });

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('sends the key and JSON, and parses the answer', async () => {
    const requests = stubFetch({ 'PATCH /x/': ({ body }) => jsonResponse({ ok: (body as { a: number }).a === 1 }) });
    signInWithApiKey('k1');
    await expect(apiFetch('/x/', { method: 'PATCH', body: { a: 1 }, schema })).resolves.toEqual({ ok: true });
    expect(requests[0]?.headers.get('X-CEKURA-API-KEY')).toBe('k1');
    expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
  });

  it('throws ApiError with the status, body and detail', async () => {
    stubFetch({ 'GET /x/': () => jsonResponse({ detail: 'Slow down' }, 429) });
    signInWithApiKey('k1');
    const error = await apiFetch('/x/', { schema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, message: 'Slow down', body: { detail: 'Slow down' } });
  });

  it('keeps a non-JSON body as text', async () => {
    stubFetch({ 'GET /x/': () => new Response('<h1>Bad gateway</h1>', { status: 502 }) });
    signInWithApiKey('k1');
    await expect(apiFetch('/x/', { schema })).rejects.toMatchObject({ status: 502, body: '<h1>Bad gateway</h1>' });
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    signInWithApiKey('k1');
    await expect(apiFetch('/x/', { schema })).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/Could not reach/) as unknown });
  });

  it('signs out on 401 for the signed-in key, not for a key being tried', async () => {
    stubFetch({ 'GET /x/': () => jsonResponse({ detail: 'Invalid key' }, 401) });
    signInWithApiKey('k1');
    await expect(apiFetch('/x/', { schema, apiKey: 'other' })).rejects.toMatchObject({ status: 401 });
    expect(getApiKey()).toBe('k1');
    await expect(apiFetch('/x/', { schema })).rejects.toMatchObject({ status: 401 });
    expect(getApiKey()).toBeNull();
  });

  it('keeps the key on 403: a valid key without access to this, not an expired session', async () => {
    stubFetch({ 'GET /x/': () => jsonResponse({ detail: 'You do not have permission to perform this action.' }, 403) });
    signInWithApiKey('k1');
    await expect(apiFetch('/x/', { schema })).rejects.toMatchObject({
      status: 403,
      message: 'You do not have permission to perform this action.',
    });
    expect(getApiKey()).toBe('k1');
  });

  it('reads Retry-After of a 429, in seconds or as an HTTP date', async () => {
    const date = new Date(Date.now() + 90_000).toUTCString();
    let header = '12';
    stubFetch({ 'GET /x/': () => new Response(JSON.stringify({ detail: 'Slow down.' }), { status: 429, headers: { 'Retry-After': header } }) });
    signInWithApiKey('k1');
    await expect(apiFetch('/x/', { schema })).rejects.toMatchObject({ status: 429, retryAfterMs: 12_000 });
    header = date;
    const error: unknown = await apiFetch('/x/', { schema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const wait = (error as ApiError).retryAfterMs ?? 0;
    expect(wait).toBeGreaterThan(80_000);
    expect(wait).toBeLessThanOrEqual(90_000);
  });
});
