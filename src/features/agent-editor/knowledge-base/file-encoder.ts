import { encodeBlobToBase64Blob } from './base64-bytes';
import type { EncodeRequest, EncodeResponse } from './encode-protocol';

interface FileEncoder {
  /** Starts reading `file`; progress and the outcome come to the encoder's `report` under `id`. */
  start: (id: string, file: Blob) => void;
  cancel: (id: string) => void;
}

type Report = (message: EncodeResponse) => void;

function pageEncoder(report: Report): FileEncoder {
  const cancelled = new Set<string>();
  return {
    start(id, file) {
      encodeBlobToBase64Blob(file, {
        onProgress: (loaded, total) => report({ type: 'progress', id, loaded, total }),
        isCancelled: () => cancelled.has(id),
      }).then(
        (base64) => report({ type: 'done', id, base64 }),
        (error: unknown) =>
          report({ type: 'error', id, message: error instanceof Error ? error.message : String(error), cancelled: cancelled.has(id) }),
      );
    },
    cancel(id) {
      cancelled.add(id);
    },
  };
}

function workerEncoder(report: Report, onError: () => void): FileEncoder | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./encode-worker.ts', import.meta.url), { type: 'module', name: 'knowledge-base-encoder' });
  } catch {
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<EncodeResponse>) => report(event.data));
  worker.addEventListener('error', onError);
  const send = (request: EncodeRequest) => worker.postMessage(request);
  return {
    start: (id, file) => send({ type: 'encode', id, file }),
    cancel: (id) => send({ type: 'cancel', id }),
  };
}

/**
 * Reads files into base64 off the main thread: in a module worker (started with the first file),
 * or on the page where there is no Worker (jsdom). When the worker could not start or died,
 * `onWorkerLost` runs (what it was reading is lost) and later files are read on the page.
 */
export function createFileEncoder(report: Report, onWorkerLost: () => void): FileEncoder {
  let encoder: FileEncoder | null = null;
  const current = (): FileEncoder => {
    encoder ??=
      workerEncoder(report, () => {
        encoder = pageEncoder(report);
        onWorkerLost();
      }) ?? pageEncoder(report);
    return encoder;
  };
  return {
    start: (id, file) => current().start(id, file),
    cancel: (id) => current().cancel(id),
  };
}
