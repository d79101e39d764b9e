import { pendingFiles } from './pending-files';

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error || reason instanceof DOMException ? reason : new DOMException('The upload was cancelled', 'AbortError');
}

/** `work`, unless `signal` aborts first (or has): then it rejects with the signal's reason. */
async function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Resolves when every file of `tokens` is read; rejects with a message naming the file when one
 * failed or is gone, or when `signal` aborts.
 */
export async function waitForPendingFiles(tokens: readonly string[], signal?: AbortSignal): Promise<void> {
  const waits = Promise.all(
    tokens.map(async (token) => {
      const file = pendingFiles.get().get(token);
      if (!file) throw new Error('A file to upload is no longer available; remove it and add it again');
      await file.settled;
      const state = pendingFiles.get().get(token)?.state;
      if (state === undefined) throw new Error(`${file.fileName} was removed before it was read`);
      if (state.status === 'failed') throw new Error(`Could not read ${file.fileName}: ${state.message}`);
    }),
  );
  await (signal ? unlessAborted(waits, signal) : waits);
}

/**
 * The base64 Blob of each file of `tokens`, once all are read (see `waitForPendingFiles`).
 *
 * @example const blobs = await readPendingFiles([token], signal); blobs.get(token) // → Blob of base64 text
 */
export async function readPendingFiles(tokens: readonly string[], signal?: AbortSignal): Promise<ReadonlyMap<string, Blob>> {
  await waitForPendingFiles(tokens, signal);
  const files = pendingFiles.get();
  const blobs = new Map<string, Blob>();
  for (const token of tokens) {
    const base64 = files.get(token)?.base64;
    if (base64) blobs.set(token, base64);
  }
  return blobs;
}
