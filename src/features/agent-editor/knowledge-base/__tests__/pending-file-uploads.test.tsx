import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentWrite } from '../../../../agent/write-types';
import { signInWithApiKey } from '../../../../api/api-key-store';
import { useUpdateAgent } from '../../../../api/use-update-agent';
import { FakeXhr, installFakeXhr } from '../../../../testing/fake-xhr';
import { createTestQueryClient } from '../../../../testing/render-with-providers';
import { jsonResponse, stubFetch } from '../../../../testing/stub-fetch';
import { pendingFileUploads } from '../pending-file-uploads';
import { addPendingFile, getPendingFileState, releasePendingFilesExcept } from '../pending-files';
import { fileBytesSent, uploadProgressStore } from '../upload-progress-store';

const PATH = '/test_framework/v2/aiagents/7/';

/** Saves agent 7 the way the editor does: `useUpdateAgent` with the editor's pending files. */
function sendAgentPatch(patch: AgentWrite) {
  const client = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useUpdateAgent(7, pendingFileUploads), { wrapper });
  return result.current.mutateAsync(patch);
}

async function sentRequest(count = 1): Promise<FakeXhr> {
  await vi.waitFor(() => expect(FakeXhr.sent).toHaveLength(count));
  const xhr = FakeXhr.sent.at(-1);
  if (!xhr) throw new Error('no request');
  return xhr;
}

afterEach(() => {
  vi.unstubAllGlobals();
  releasePendingFilesExcept([]);
  uploadProgressStore.dismiss();
});

describe('saving with pending files (useUpdateAgent + pendingFileUploads)', () => {
  it('sends a body without new files through fetch, leaving the upload store idle', async () => {
    signInWithApiKey('key-1');
    const requests = stubFetch({ [`PATCH ${PATH}`]: () => jsonResponse({ id: 7 }) });
    await expect(sendAgentPatch({ knowledge_base_files: [{ id: 1 }] })).resolves.toEqual({ id: 7 });
    expect(requests[0]?.body).toEqual({ knowledge_base_files: [{ id: 1 }] });
    expect(uploadProgressStore.getState()).toEqual({ status: 'idle' });
  });

  it('uploads new files over XHR with progress, and goes idle once saved', async () => {
    signInWithApiKey('key-1');
    installFakeXhr();
    const token = addPendingFile(new File(['hello'], 'a.md'));
    const saved = sendAgentPatch({ knowledge_base_files: [{ id: 1 }, { file_name: 'a.md', content_base64: token }] });
    const xhr = await sentRequest();
    expect(JSON.parse(await xhr.bodyText())).toEqual({ knowledge_base_files: [{ id: 1 }, { file_name: 'a.md', content_base64: 'aGVsbG8=' }] });
    xhr.progress(40, 80);
    expect(uploadProgressStore.getState()).toEqual({ status: 'uploading', files: 1, loaded: 40, total: 80 });
    xhr.respond(200, { id: 7 });
    await expect(saved).resolves.toEqual({ id: 7 });
    expect(uploadProgressStore.getState()).toEqual({ status: 'idle' });
    expect(getPendingFileState(token)).toBeUndefined(); // saved: the base64 is freed
  });

  it('reports the upload in the files’ own bytes: the body’s share sent, of the files’ size', async () => {
    signInWithApiKey('key-1');
    installFakeXhr();
    const token = addPendingFile(new File(['hello world!'], 'a.md'));
    const saved = sendAgentPatch({ knowledge_base_files: [{ file_name: 'a.md', content_base64: token }] });
    const xhr = await sentRequest();
    xhr.progress(40, 80);
    const state = uploadProgressStore.getState();
    if (state.status !== 'uploading') throw new Error(`expected an upload in flight, got ${state.status}`);
    expect(fileBytesSent(state)).toEqual({ loaded: 6, total: 12 });
    xhr.progress(80, 80);
    const done = uploadProgressStore.getState();
    if (done.status !== 'uploading') throw new Error(`expected an upload in flight, got ${done.status}`);
    expect(fileBytesSent(done)).toEqual({ loaded: 12, total: 12 });
    xhr.respond(200, { id: 7 });
    await saved;
  });

  it('keeps the files pending when the upload fails, and sends them again, once, on retry', async () => {
    signInWithApiKey('key-1');
    installFakeXhr();
    const token = addPendingFile(new File(['hello'], 'a.md'));
    const patch = { knowledge_base_files: [{ file_name: 'a.md', content_base64: token }] };
    const first = sendAgentPatch(patch);
    (await sentRequest(1)).respond(500, { detail: 'A server error occurred.' });
    await expect(first).rejects.toMatchObject({ status: 500 });
    expect(uploadProgressStore.getState()).toEqual({ status: 'failed', files: 1, message: 'A server error occurred.' });
    expect(getPendingFileState(token)?.status).toBe('ready');

    const retry = sendAgentPatch(patch);
    const xhr = await sentRequest(2);
    expect(JSON.parse(await xhr.bodyText())).toEqual({ knowledge_base_files: [{ file_name: 'a.md', content_base64: 'aGVsbG8=' }] });
    xhr.respond(200, { id: 7 });
    await retry;
    expect(FakeXhr.sent).toHaveLength(2);
  });

  it('cancels: the request is aborted, the store says cancelled, the files stay pending', async () => {
    signInWithApiKey('key-1');
    installFakeXhr();
    const token = addPendingFile(new File(['hello'], 'a.md'));
    const saved = sendAgentPatch({ knowledge_base_files: [{ file_name: 'a.md', content_base64: token }] });
    await sentRequest();
    uploadProgressStore.cancel();
    const error: unknown = await saved.catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
    expect(uploadProgressStore.getState()).toEqual({ status: 'cancelled', files: 1 });
    expect(getPendingFileState(token)?.status).toBe('ready');
  });

  it('leaves a 400 to the form (no upload failure message)', async () => {
    signInWithApiKey('key-1');
    installFakeXhr();
    const token = addPendingFile(new File(['hello'], 'a.md'));
    const saved = sendAgentPatch({ knowledge_base_files: [{ file_name: 'a.md', content_base64: token }] });
    (await sentRequest()).respond(400, { knowledge_base_files: [{ content_base64: ['Bad.'] }] });
    await expect(saved).rejects.toMatchObject({ status: 400 });
    expect(uploadProgressStore.getState()).toEqual({ status: 'idle' });
  });
});
