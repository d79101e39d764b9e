import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getApiKey, signInWithApiKey, signOut } from '../api-key-store';
import { ApiError, apiFetch } from '../client';
import type { ApiFetchOptions } from '../client';
import { sendWithXhr } from '../xhr-transport';
import type { UploadProgress } from '../xhr-transport';
import { FakeXhr, installFakeXhr } from '../../testing/fake-xhr';

const schema = z.object({ id: z.number() });

async function sentRequest(): Promise<FakeXhr> {
  await vi.waitFor(() => expect(FakeXhr.sent.length).toBeGreaterThan(0));
  const xhr = FakeXhr.sent.at(-1);
  if (!xhr) throw new Error('no request');
  return xhr;
}

/** `apiFetch` over the XHR transport. */
function xhrJson<T>({ path, onUploadProgress, ...options }: ApiFetchOptions<T> & { path: string; onUploadProgress?: (p: UploadProgress) => void }) {
  return apiFetch(path, { ...options, transport: sendWithXhr(onUploadProgress) });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch over XHR (sendWithXhr)', () => {
  it('sends the key and JSON, reports upload progress and parses the answer', async () => {
    installFakeXhr();
    signInWithApiKey('key-1');
    const progress: number[] = [];
    const result = xhrJson({ method: 'PATCH', path: '/test_framework/v2/aiagents/7/', body: { name: 'A' }, schema, onUploadProgress: (p) => progress.push(p.loaded / p.total) });
    const xhr = await sentRequest();
    expect(xhr.method).toBe('PATCH');
    expect(xhr.url).toBe('/test_framework/v2/aiagents/7/');
    expect(xhr.headers).toMatchObject({ 'X-CEKURA-API-KEY': 'key-1', 'Content-Type': 'application/json', Accept: 'application/json' });
    expect(JSON.parse(await xhr.bodyText())).toEqual({ name: 'A' });
    xhr.progress(50, 100);
    xhr.progress(100, 100);
    xhr.respond(200, { id: 7, extra: true });
    await expect(result).resolves.toEqual({ id: 7 });
    expect(progress).toEqual([0.5, 1]);
  });

  it('sends a Blob body as is', async () => {
    installFakeXhr();
    signInWithApiKey('key-1');
    const blob = new Blob(['{"name":"B"}'], { type: 'application/json' });
    const result = xhrJson({ method: 'PATCH', path: '/x/', body: blob, schema });
    const xhr = await sentRequest();
    expect(xhr.body).toBe(blob);
    xhr.respond(200, { id: 1 });
    await result;
  });

  it('rejects with ApiError carrying the status, the body and the detail', async () => {
    installFakeXhr();
    signInWithApiKey('key-1');
    const result = xhrJson({ method: 'PATCH', path: '/x/', body: {}, schema });
    (await sentRequest()).respond(500, { detail: 'A server error occurred.' });
    await expect(result).rejects.toMatchObject({ status: 500, body: { detail: 'A server error occurred.' }, message: 'A server error occurred.' });
  });

  it('answers status 0 when the API cannot be reached', async () => {
    installFakeXhr();
    signInWithApiKey('key-1');
    const result = xhrJson({ method: 'PATCH', path: '/x/', body: {}, schema });
    (await sentRequest()).fail();
    const error: unknown = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
  });

  it('rejects an answer the schema refuses', async () => {
    installFakeXhr();
    signInWithApiKey('key-1');
    const result = xhrJson({ method: 'GET', path: '/x/', schema });
    (await sentRequest()).respond(200, { id: 'nope' });
    await expect(result).rejects.toMatchObject({ status: 200, message: /does not understand/ });
  });

  it('signs the user out on 401, not on 403', async () => {
    installFakeXhr();
    signInWithApiKey('key-1');
    const forbidden = xhrJson({ method: 'PATCH', path: '/x/', body: {}, schema });
    (await sentRequest()).respond(403, { detail: 'No access.' });
    await expect(forbidden).rejects.toMatchObject({ status: 403 });
    expect(getApiKey()).toBe('key-1');
    FakeXhr.sent = [];
    const result = xhrJson({ method: 'PATCH', path: '/x/', body: {}, schema });
    (await sentRequest()).respond(401, { detail: 'Invalid API key.' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(getApiKey()).toBeNull();
  });

  it('reads the Retry-After header of a 429', async () => {
    installFakeXhr();
    signInWithApiKey('key-1');
    const result = xhrJson({ method: 'PATCH', path: '/x/', body: {}, schema });
    (await sentRequest()).respond(429, { detail: 'Throttled.' }, { 'retry-after': '7' });
    await expect(result).rejects.toMatchObject({ status: 429, retryAfterMs: 7000 });
  });

  it('aborts the request when the signal aborts, rejecting with its reason', async () => {
    installFakeXhr();
    signInWithApiKey('key-1');
    const controller = new AbortController();
    const result = xhrJson({ method: 'PATCH', path: '/x/', body: {}, schema, signal: controller.signal });
    await sentRequest();
    controller.abort(new DOMException('The upload was cancelled', 'AbortError'));
    const error: unknown = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect([(error as DOMException).name, (error as DOMException).message]).toEqual(['AbortError', 'The upload was cancelled']);
  });

  it('sends nothing when signed out', async () => {
    installFakeXhr();
    signOut();
    await expect(xhrJson({ method: 'GET', path: '/x/', schema })).rejects.toMatchObject({ status: 401 });
    expect(FakeXhr.sent).toHaveLength(0);
  });
});
