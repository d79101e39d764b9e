import { createStore } from '../../../utils/create-store';
import type { ReadableStore } from '../../../utils/create-store';
import type { EncodeResponse } from './encode-protocol';
import { createFileEncoder } from './file-encoder';

/**
 * Files waiting to be uploaded, outside react-hook-form: a 50 MB file is 67 MB of base64, and
 * the form clones and diffs its values on every keystroke. The form item holds only a token in
 * `content_base64`; the base64 lives here as a Blob (made in the encode worker, never a string on
 * the page) until the save splices it into the PATCH body.
 */

export type PendingFileState =
  | { status: 'reading'; loaded: number; total: number }
  | { status: 'ready'; loaded: number; total: number }
  | { status: 'failed'; loaded: number; total: number; message: string };

interface PendingFile {
  fileName: string;
  state: PendingFileState;
  /** The file's base64 text, once read. */
  base64: Blob | null;
  /** Resolves once reading has ended: read, failed, or the file was removed. */
  settled: Promise<void>;
}

const TOKEN_PREFIX = 'kb-pending:';
const store = createStore<ReadonlyMap<string, PendingFile>>(new Map());
const settlers = new Map<string, () => void>();
let counter = 0;

/** The pending files by token (read them with `useStore`, or `usePendingFileState`). */
export const pendingFiles: ReadableStore<ReadonlyMap<string, PendingFile>> = store;

/** True for a `content_base64` that stands for a file still in this store. */
export function isPendingFileToken(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(TOKEN_PREFIX);
}

function settle(token: string): void {
  settlers.get(token)?.();
  settlers.delete(token);
}

function setState(token: string, state: PendingFileState, base64: Blob | null = null): void {
  const file = store.get().get(token);
  if (!file) return;
  if (state.status !== 'reading') settle(token);
  store.set((files) => new Map(files).set(token, { ...file, state, base64: base64 ?? file.base64 }));
}

function onEncoded(message: EncodeResponse): void {
  const file = store.get().get(message.id);
  if (!file) return;
  const total = file.state.total;
  if (message.type === 'progress') setState(message.id, { status: 'reading', loaded: message.loaded, total });
  else if (message.type === 'done') setState(message.id, { status: 'ready', loaded: total, total }, message.base64);
  else if (!message.cancelled) setState(message.id, { status: 'failed', loaded: file.state.loaded, total, message: message.message });
}

function failReading(): void {
  for (const [token, file] of store.get()) {
    if (file.state.status === 'reading') {
      setState(token, { ...file.state, status: 'failed', message: 'The file could not be read; remove it and add it again.' });
    }
  }
}

const encoder = createFileEncoder(onEncoded, failReading);

/**
 * Starts the encode workers ahead of the first file: the Knowledge base tab calls it once the
 * browser is idle, so the first drop does not also pay for starting them (in a trace, ~10–20 ms
 * of each worker: its isolate, its script, the SIMD module).
 */
export function prepareFileReading(): void {
  encoder.prepare();
}

/**
 * Starts reading `file` off the main thread and returns the token the form item carries in
 * `content_base64` until the file is saved.
 *
 * @example append({ file_name: file.name, file_size: file.size, content_base64: addPendingFile(file) })
 */
export function addPendingFile(file: File): string {
  counter += 1;
  const token = `${TOKEN_PREFIX}${Date.now().toString(36)}-${counter}`;
  const settled = new Promise<void>((resolve) => {
    settlers.set(token, resolve);
  });
  const pending: PendingFile = { fileName: file.name, state: { status: 'reading', loaded: 0, total: file.size }, base64: null, settled };
  store.set((files) => new Map(files).set(token, pending));
  encoder.start(token, file);
  return token;
}

/** Forgets a pending file (its row was removed), stopping its reading if still under way. */
export function removePendingFile(token: string): void {
  const file = store.get().get(token);
  if (!file) return;
  if (file.state.status === 'reading') encoder.cancel(token);
  settle(token);
  store.set((files) => {
    const next = new Map(files);
    next.delete(token);
    return next;
  });
}

/** Forgets every pending file whose token is not in `keep` (the form's current items). */
export function releasePendingFilesExcept(keep: Iterable<string>): void {
  const kept = new Set(keep);
  for (const token of [...store.get().keys()]) if (!kept.has(token)) removePendingFile(token);
}

export function getPendingFileState(token: string): PendingFileState | undefined {
  return store.get().get(token)?.state;
}
