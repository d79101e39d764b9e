import { encodeBlobToBase64Blob } from './base64-bytes';
import type { ByteRange, EncodeRequest, EncodeResponse } from './encode-protocol';

export interface FileEncoder {
  /** Starts reading `file` (or its `range`); progress and the outcome come to the encoder's `report` under `id`. */
  start: (id: string, file: Blob, range?: ByteRange) => void;
  cancel: (id: string) => void;
}

export type Report = (message: EncodeResponse) => void;

/** Files from this size up are cut into one part per lane, encoded side by side. */
export const SPLIT_FROM_BYTES = 8 * 1024 * 1024;

/** At most this many encode workers (a part each of a large file). */
const MAX_WORKERS = 4;

export function pageEncoder(report: Report): FileEncoder {
  const cancelled = new Set<string>();
  return {
    start(id, file, range) {
      encodeBlobToBase64Blob(range ? file.slice(range.start, range.end) : file, {
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
    start: (id, file, range) => send(range ? { type: 'encode', id, file, range } : { type: 'encode', id, file }),
    cancel: (id) => send({ type: 'cancel', id }),
  };
}

interface Job {
  total: number;
  /** The lane of each part. */
  lanes: number[];
  loaded: number[];
  parts: (Blob | null)[];
}

const PART_SEPARATOR = '\u0000part:';

/**
 * Encodes each file on one of `lanes` (workers, or the page), a file of `splitFromBytes` and up
 * cut into one part per lane at a multiple of 3 bytes, so the parts' base64 joined is the file's:
 * the caller sees one progress (the parts' sum) and one Blob per file, as from a single encoder.
 * A part that fails fails the file (its other parts are cancelled).
 *
 * @example const encoder = splitAcross((report) => [pageEncoder(report), pageEncoder(report)], onMessage);
 */
export function splitAcross(makeLanes: (report: Report) => readonly FileEncoder[], report: Report, splitFromBytes = SPLIT_FROM_BYTES): FileEncoder {
  const jobs = new Map<string, Job>();
  let nextLane = 0;

  const cancelParts = (id: string, job: Job) => {
    job.lanes.forEach((lane, part) => lanes[lane]?.cancel(`${id}${PART_SEPARATOR}${part}`));
  };

  const onPart: Report = (message) => {
    const cut = message.id.lastIndexOf(PART_SEPARATOR);
    if (cut < 0) return;
    const id = message.id.slice(0, cut);
    const part = Number(message.id.slice(cut + PART_SEPARATOR.length));
    const job = jobs.get(id);
    if (!job) return;
    if (message.type === 'progress') {
      job.loaded[part] = message.loaded;
      report({ type: 'progress', id, loaded: job.loaded.reduce((sum, n) => sum + n, 0), total: job.total });
    } else if (message.type === 'done') {
      job.parts[part] = message.base64;
      const parts = job.parts.filter((blob): blob is Blob => blob !== null);
      if (parts.length < job.parts.length) return;
      jobs.delete(id);
      report({ type: 'done', id, base64: parts.length === 1 && parts[0] ? parts[0] : new Blob(parts, { type: 'text/plain' }) });
    } else {
      jobs.delete(id);
      cancelParts(id, job);
      report({ ...message, id });
    }
  };

  const lanes = makeLanes(onPart);
  return {
    start(id, file) {
      const count = file.size >= splitFromBytes ? lanes.length : 1;
      const partBytes = Math.ceil(file.size / count / 3) * 3;
      const job: Job = { total: file.size, lanes: [], loaded: [], parts: [] };
      for (let part = 0; part < count; part++) {
        job.lanes.push((nextLane + part) % lanes.length);
        job.loaded.push(0);
        job.parts.push(null);
      }
      nextLane = (nextLane + 1) % lanes.length;
      jobs.set(id, job);
      job.lanes.forEach((lane, part) => {
        const range = count === 1 ? undefined : { start: part * partBytes, end: Math.min(file.size, (part + 1) * partBytes) };
        lanes[lane]?.start(`${id}${PART_SEPARATOR}${part}`, file, range);
      });
    },
    cancel(id) {
      const job = jobs.get(id);
      if (job) cancelParts(id, job);
    },
  };
}

function workerLanes(report: Report, onError: () => void): FileEncoder[] | null {
  const count = Math.max(1, Math.min(MAX_WORKERS, typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1));
  const lanes: FileEncoder[] = [];
  for (let i = 0; i < count; i++) {
    const lane = workerEncoder(report, onError);
    if (lane) lanes.push(lane);
    else break;
  }
  return lanes.length > 0 ? lanes : null;
}

/**
 * Reads files into base64 off the main thread: in module workers (started with the first file;
 * one per core up to 4, a large file's parts side by side), or on the page where there is no
 * Worker (jsdom). When a worker could not start or died, `onWorkerLost` runs (what was being
 * read is lost) and later files are read on the page.
 */
export function createFileEncoder(report: Report, onWorkerLost: () => void): FileEncoder & { prepare: () => void } {
  let encoder: FileEncoder | null = null;
  let lost = false;
  const current = (): FileEncoder => {
    encoder ??= splitAcross(
      (onPart) =>
        workerLanes(onPart, () => {
          if (lost) return;
          lost = true;
          encoder = pageEncoder(report);
          onWorkerLost();
        }) ?? [pageEncoder(onPart)],
      // Once the workers are lost their files have failed: a part that still ends changes nothing.
      (message) => {
        if (!lost) report(message);
      },
    );
    return encoder;
  };
  return {
    start: (id, file) => current().start(id, file),
    cancel: (id) => current().cancel(id),
    /** Starts the workers now (they load their script and compile the SIMD encoder), ahead of a first file. */
    prepare: () => {
      current();
    },
  };
}
