import { useCallback, useSyncExternalStore } from 'react';
import type { AgentWrite } from '../../../agent/write-types';
import { encodeBlobToBase64Chunks } from './base64-chunks';
import type { EncodeRequest, EncodeResponse } from './encode-protocol';

/**
 * Files waiting to be uploaded, outside react-hook-form: a 50 MB file is 67 MB of base64, and
 * the form clones and diffs its values on every keystroke. The form item holds only a token in
 * `content_base64`; the base64 lives here as a Blob (made in the encode worker, never a string on
 * the page) until the PATCH body is assembled by `encodePatchBody`.
 */

export type PendingFileState =
  | { status: 'reading'; loaded: number; total: number }
  | { status: 'ready'; loaded: number; total: number }
  | { status: 'failed'; loaded: number; total: number; message: string };

interface Entry {
  fileName: string;
  state: PendingFileState;
  base64: Blob | null;
  settled: Promise<void>;
  settle: () => void;
}

const TOKEN_PREFIX = 'kb-pending:';
const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let counter = 0;

function notify(): void {
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True for a `content_base64` that stands for a file still in this store. */
export function isPendingFileToken(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(TOKEN_PREFIX);
}

function setState(token: string, state: PendingFileState, base64: Blob | null = null): void {
  const entry = entries.get(token);
  if (!entry) return;
  entry.state = state;
  if (base64) entry.base64 = base64;
  if (state.status !== 'reading') entry.settle();
  notify();
}

// --- encoding: a module worker, or the page itself where there is no Worker (jsdom) ---

interface Encoder {
  start(token: string, file: Blob): void;
  cancel(token: string): void;
}

function onEncoded(message: EncodeResponse): void {
  const entry = entries.get(message.id);
  if (!entry) return;
  const total = entry.state.total;
  if (message.type === 'progress') setState(message.id, { status: 'reading', loaded: message.loaded, total });
  else if (message.type === 'done') setState(message.id, { status: 'ready', loaded: total, total }, message.base64);
  else if (!message.cancelled) setState(message.id, { status: 'failed', loaded: entry.state.loaded, total, message: message.message });
}

function pageEncoder(): Encoder {
  const cancelled = new Set<string>();
  return {
    start(id, file) {
      encodeBlobToBase64Chunks(file, {
        onProgress: (loaded, total) => onEncoded({ type: 'progress', id, loaded, total }),
        isCancelled: () => cancelled.has(id),
      }).then(
        (chunks) => onEncoded({ type: 'done', id, base64: new Blob(chunks, { type: 'text/plain' }) }),
        (error: unknown) =>
          onEncoded({ type: 'error', id, message: error instanceof Error ? error.message : String(error), cancelled: cancelled.has(id) }),
      );
    },
    cancel(id) {
      cancelled.add(id);
    },
  };
}

function workerEncoder(): Encoder | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./encode-worker.ts', import.meta.url), { type: 'module', name: 'knowledge-base-encoder' });
  } catch {
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<EncodeResponse>) => onEncoded(event.data));
  worker.addEventListener('error', () => {
    // The worker could not start or died: fail what it held; later files are read on the page.
    encoder = pageEncoder();
    for (const [token, entry] of entries) {
      if (entry.state.status === 'reading') {
        setState(token, { ...entry.state, status: 'failed', message: 'The file could not be read; remove it and add it again.' });
      }
    }
  });
  const send = (request: EncodeRequest) => worker.postMessage(request);
  return {
    start: (id, file) => send({ type: 'encode', id, file }),
    cancel: (id) => send({ type: 'cancel', id }),
  };
}

let encoder: Encoder | null = null;

function getEncoder(): Encoder {
  encoder ??= workerEncoder() ?? pageEncoder();
  return encoder;
}

// --- the store's API ---

/**
 * Starts reading `file` off the main thread and returns the token the form item carries in
 * `content_base64` until the file is saved.
 *
 * @example append({ file_name: file.name, file_size: file.size, content_base64: addPendingFile(file) })
 */
export function addPendingFile(file: File): string {
  counter += 1;
  const token = `${TOKEN_PREFIX}${Date.now().toString(36)}-${counter}`;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  entries.set(token, { fileName: file.name, state: { status: 'reading', loaded: 0, total: file.size }, base64: null, settled, settle });
  notify();
  getEncoder().start(token, file);
  return token;
}

/** Forgets a pending file (its row was removed), stopping its reading if still under way. */
export function removePendingFile(token: string): void {
  const entry = entries.get(token);
  if (!entry) return;
  if (entry.state.status === 'reading') getEncoder().cancel(token);
  entry.settle();
  entries.delete(token);
  notify();
}

/** Forgets every pending file whose token is not in `keep` (the form's current items). */
export function releasePendingFilesExcept(keep: Iterable<string>): void {
  const kept = new Set(keep);
  for (const token of [...entries.keys()]) if (!kept.has(token)) removePendingFile(token);
}

export function getPendingFileState(token: string): PendingFileState | undefined {
  return entries.get(token)?.state;
}

/** The reading state of one pending file; re-renders as it progresses. */
export function usePendingFileState(token: string | undefined): PendingFileState | undefined {
  const snapshot = useCallback(() => (token === undefined ? undefined : entries.get(token)?.state), [token]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The pending-file tokens a PATCH body carries, in order. */
export function pendingTokensIn(patch: AgentWrite): string[] {
  return (patch.knowledge_base_files ?? []).flatMap((file) =>
    'content_base64' in file && isPendingFileToken(file.content_base64) ? [file.content_base64] : [],
  );
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error || reason instanceof DOMException ? reason : new DOMException('The upload was cancelled', 'AbortError');
}

/**
 * Resolves when every file of `tokens` is read; rejects with a message naming the file when one
 * failed or is gone, or when `signal` aborts.
 */
export async function waitForPendingFiles(tokens: readonly string[], signal?: AbortSignal): Promise<void> {
  const waits = tokens.map(async (token) => {
    const entry = entries.get(token);
    if (!entry) throw new Error('A file to upload is no longer available; remove it and add it again');
    await entry.settled;
    const state = entries.get(token)?.state;
    if (state === undefined) throw new Error(`${entry.fileName} was removed before it was read`);
    if (state.status === 'failed') throw new Error(`Could not read ${entry.fileName}: ${state.message}`);
  });
  if (!signal) {
    await Promise.all(waits);
    return;
  }
  if (signal.aborted) throw abortError(signal);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([Promise.all(waits), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * The PATCH body as a JSON Blob, each pending file's token replaced by its base64 (a Blob part:
 * no 67 MB string is built on the page). Every file must be read (`waitForPendingFiles`).
 *
 * @example await new Response(encodePatchBody({ name: 'A' })).json() // → { name: 'A' }
 */
export function encodePatchBody(patch: AgentWrite): Blob {
  const { knowledge_base_files: files, ...rest } = patch;
  if (files === undefined) return new Blob([JSON.stringify(rest)], { type: 'application/json' });
  const head = JSON.stringify(rest);
  const parts: BlobPart[] = [head.slice(0, -1), head === '{}' ? '' : ',', '"knowledge_base_files":['];
  files.forEach((file, index) => {
    if (index > 0) parts.push(',');
    if (!('content_base64' in file) || !isPendingFileToken(file.content_base64)) {
      parts.push(JSON.stringify(file));
      return;
    }
    const { content_base64: token, ...meta } = file;
    const base64 = entries.get(token)?.base64;
    if (!base64) throw new Error(`${meta.file_name} is not read yet`);
    const metaJson = JSON.stringify(meta);
    parts.push(metaJson.slice(0, -1), metaJson === '{}' ? '' : ',', '"content_base64":"', base64, '"}');
  });
  parts.push(']}');
  return new Blob(parts, { type: 'application/json' });
}
