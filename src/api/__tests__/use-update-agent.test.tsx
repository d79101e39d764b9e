import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentWrite } from '../../agent/write-types';
import { FakeXhr, installFakeXhr } from '../../testing/fake-xhr';
import { sampleAgent } from '../../testing/fixtures';
import { createTestQueryClient } from '../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../testing/stub-fetch';
import { agentQueries } from '../agent-queries';
import { signInWithApiKey, signOut } from '../api-key-store';
import { useUpdateAgent } from '../use-update-agent';
import type { AgentFileUploads, UpdateAgentOptions, UploadChannel } from '../use-update-agent';
import type { UploadProgress } from '../xhr-transport';

const PATH = '/test_framework/v2/aiagents/7/';
const saved = sampleAgent({ id: 7, name: 'Saved' });

/**
 * Files held by the "page": tokens `file:…` with their base64 ready, or never ready (`hold`).
 * Records what the PATCH operation asked of it.
 */
function fileSource({ hold = false } = {}) {
  const blobs = new Map([['file:a', new Blob(['aGVsbG8=', ''], { type: 'text/plain' })]]);
  const record = {
    resolved: [] as { tokens: readonly string[]; signal: AbortSignal }[],
    uploads: [] as { tokens: readonly string[]; outcome?: unknown }[],
    progress: [] as UploadProgress[],
    controller: new AbortController(),
  };
  const files: AgentFileUploads = {
    isToken: (value) => value.startsWith('file:'),
    resolveFiles: (tokens, signal) => {
      record.resolved.push({ tokens, signal });
      if (!hold) return Promise.resolve(blobs);
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
    },
    runUpload: async <T,>(tokens: readonly string[], upload: (channel: UploadChannel) => Promise<T>): Promise<T> => {
      const entry: { tokens: readonly string[]; outcome?: unknown } = { tokens };
      record.uploads.push(entry);
      try {
        const result = await upload({ signal: record.controller.signal, onUploadProgress: (p) => record.progress.push(p) });
        entry.outcome = 'saved';
        return result;
      } catch (error) {
        entry.outcome = error;
        throw error;
      }
    },
  };
  return { files, record };
}

function renderUpdate(files?: AgentFileUploads, options?: UpdateAgentOptions) {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useUpdateAgent(7, files, options), { wrapper });
  return { save: (patch: AgentWrite) => result.current.mutateAsync(patch), queryClient };
}

async function sentXhr(): Promise<FakeXhr> {
  await vi.waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
  const xhr = FakeXhr.sent[0];
  if (!xhr) throw new Error('no request');
  return xhr;
}

beforeEach(() => signInWithApiKey('key-1'));
afterEach(() => {
  vi.unstubAllGlobals();
  signOut();
});

describe('useUpdateAgent', () => {
  it('stops a save without files when the caller’s signal aborts (cancel, timeout)', async () => {
    const controller = new AbortController();
    const seen: (AbortSignal | null | undefined)[] = [];
    vi.stubGlobal('fetch', vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init?.signal);
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }));
    const { save } = renderUpdate(undefined, { signal: () => controller.signal });
    const result = save({ name: 'Never answered' }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    controller.abort(new DOMException('The save timed out', 'AbortError'));
    const error = await result;
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).message).toBe('The save timed out');
  });

  it('stops a save with files when the caller’s signal aborts, and reports its upload progress', async () => {
    installFakeXhr();
    const controller = new AbortController();
    const progress: number[] = [];
    const { files, record } = fileSource();
    const { save } = renderUpdate(files, { signal: () => controller.signal, onUploadProgress: (p) => progress.push(p.loaded) });
    const result = save({ knowledge_base_files: [{ file_name: 'b.md', content_base64: 'file:a' }] }).catch((e: unknown) => e);
    const xhr = await sentXhr();
    xhr.progress(5, 10);
    expect(progress).toEqual([5]);
    controller.abort(new DOMException('The save was cancelled', 'AbortError'));
    expect(await result).toBeInstanceOf(DOMException);
    expect(record.uploads[0]?.outcome).toBeInstanceOf(DOMException);
  });

  it('sends a body without new files with fetch, and caches the answer as the agent', async () => {
    installFakeXhr();
    const requests = stubFetch({ [`PATCH ${PATH}`]: () => jsonResponse(saved) });
    const { files, record } = fileSource();
    const { save, queryClient } = renderUpdate(files);
    const patch = { name: 'Saved', knowledge_base_files: [{ id: 1 }, { file_name: 'b.md', content_base64: 'aGk=' }] };
    await expect(save(patch)).resolves.toEqual(saved);
    expect(requests.map((r) => [r.method, r.url.pathname, r.body])).toEqual([['PATCH', PATH, patch]]);
    expect(FakeXhr.sent).toHaveLength(0);
    expect(record.resolved).toHaveLength(0);
    expect(record.uploads).toHaveLength(0);
    expect(queryClient.getQueryData(agentQueries.detail(7).queryKey)).toEqual(saved);
  });

  it('uses fetch when no file source is given', async () => {
    const requests = stubFetch({ [`PATCH ${PATH}`]: () => jsonResponse(saved) });
    const { save } = renderUpdate();
    await expect(save({ name: 'Saved' })).resolves.toEqual(saved);
    expect(requests).toHaveLength(1);
  });

  it('sends new files over XHR: resolves them with the upload’s signal, splices their base64, reports progress', async () => {
    installFakeXhr();
    const requests = stubFetch({});
    const { files, record } = fileSource();
    const { save, queryClient } = renderUpdate(files);
    const result = save({ name: 'Saved', knowledge_base_files: [{ id: 1 }, { file_name: 'a.md', content_base64: 'file:a' }] });

    const xhr = await sentXhr();
    expect(record.uploads.map((u) => u.tokens)).toEqual([['file:a']]);
    expect(record.resolved).toEqual([{ tokens: ['file:a'], signal: record.controller.signal }]);
    expect([xhr.method, xhr.url]).toEqual(['PATCH', PATH]);
    expect(xhr.headers).toMatchObject({ 'X-CEKURA-API-KEY': 'key-1', 'Content-Type': 'application/json' });
    expect(xhr.body).toBeInstanceOf(Blob);
    expect(JSON.parse(await xhr.bodyText())).toEqual({
      name: 'Saved',
      knowledge_base_files: [{ id: 1 }, { file_name: 'a.md', content_base64: 'aGVsbG8=' }],
    });
    xhr.progress(30, 60);
    expect(record.progress).toEqual([{ loaded: 30, total: 60 }]);
    xhr.respond(200, saved);

    await expect(result).resolves.toEqual(saved);
    expect(record.uploads[0]?.outcome).toBe('saved');
    expect(requests).toHaveLength(0);
    expect(queryClient.getQueryData(agentQueries.detail(7).queryKey)).toEqual(saved);
  });

  it('lets the upload see a failed request', async () => {
    installFakeXhr();
    const { files, record } = fileSource();
    const { save } = renderUpdate(files);
    const result = save({ knowledge_base_files: [{ file_name: 'a.md', content_base64: 'file:a' }] });
    (await sentXhr()).respond(503, { detail: 'Down for maintenance.' });
    await expect(result).rejects.toMatchObject({ status: 503, message: 'Down for maintenance.' });
    expect(record.uploads[0]?.outcome).toMatchObject({ status: 503 });
  });

  it('cancels while the files are still being read: nothing is sent', async () => {
    installFakeXhr();
    const requests = stubFetch({});
    const { files, record } = fileSource({ hold: true });
    const { save } = renderUpdate(files);
    const result = save({ knowledge_base_files: [{ file_name: 'a.md', content_base64: 'file:a' }] });
    await vi.waitFor(() => expect(record.resolved).toHaveLength(1));
    record.controller.abort(new DOMException('The upload was cancelled', 'AbortError'));
    const error: unknown = await result.catch((e: unknown) => e);
    expect([(error as DOMException).name, (error as DOMException).message]).toEqual(['AbortError', 'The upload was cancelled']);
    expect(FakeXhr.sent).toHaveLength(0);
    expect(requests).toHaveLength(0);
  });

  it('cancels during the upload: the request is aborted', async () => {
    installFakeXhr();
    const { files, record } = fileSource();
    const { save } = renderUpdate(files);
    const result = save({ knowledge_base_files: [{ file_name: 'a.md', content_base64: 'file:a' }] });
    const xhr = await sentXhr();
    const aborted = vi.fn();
    xhr.addEventListener('abort', aborted);
    record.controller.abort(new DOMException('The upload was cancelled', 'AbortError'));
    const error: unknown = await result.catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
    expect(aborted).toHaveBeenCalledOnce();
    expect(record.uploads[0]?.outcome).toBe(error);
  });
});
