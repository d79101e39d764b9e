import { encodeBlobToBase64Blob } from './base64-bytes';
import { simdBase64 } from './base64-simd';
import type { EncodeRequest, EncodeResponse } from './encode-protocol';

/**
 * Reads and base64-encodes knowledge-base files off the main thread. Several files encode at
 * once (their reads interleave); each answers with progress, then a Blob of its base64 text.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
// Compiles the SIMD encoder as the worker starts, not with its first file.
simdBase64();
const cancelled = new Set<string>();

function post(message: EncodeResponse): void {
  scope.postMessage(message);
}

async function encode(id: string, file: Blob): Promise<void> {
  try {
    const base64 = await encodeBlobToBase64Blob(file, {
      onProgress: (loaded, total) => post({ type: 'progress', id, loaded, total }),
      isCancelled: () => cancelled.has(id),
    });
    post({ type: 'done', id, base64 });
  } catch (error) {
    const isCancel = error instanceof DOMException && error.name === 'AbortError';
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error), cancelled: isCancel });
  } finally {
    cancelled.delete(id);
  }
}

scope.addEventListener('message', (event: MessageEvent<EncodeRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') cancelled.add(request.id);
  else void encode(request.id, request.range ? request.file.slice(request.range.start, request.range.end) : request.file);
});
