import { ApiError } from '../../../api/client';
import type { UploadChannel } from '../../../api/use-update-agent';
import { createStore, useStore } from '../../../utils/create-store';

/**
 * The one upload in flight (saving an agent with new knowledge-base files): what
 * `<UploadProgress />` shows, and the AbortController its Cancel button aborts.
 */
type UploadProgressState =
  | { status: 'idle' }
  /** Waiting for the files to finish reading before the request starts. */
  | { status: 'reading'; files: number }
  | { status: 'uploading'; files: number; loaded: number; total: number }
  /** The request failed (not a 400, whose messages go to the fields): the files are still pending. */
  | { status: 'failed'; files: number; message: string }
  /**
   * Stopped before the answer came (Cancel, or the save timed out). Whether the server had
   * already stored the files is unknown until the agent is read back: `serverHas` is `false`
   * once it is known it did not, `null` when the read-back failed too.
   */
  | { status: 'cancelled'; files: number; timedOut?: boolean; serverHas?: false | null };

/** One upload: hand `signal` and `onUploadProgress` to the request, then `succeed` or `fail`. */
interface UploadTransfer extends UploadChannel {
  succeed: () => void;
  fail: (error: unknown) => void;
}

const IDLE: UploadProgressState = { status: 'idle' };
const store = createStore<UploadProgressState>(IDLE);
const set = store.set;
let controller: AbortController | null = null;
/** The files' own size (bytes) of the upload tracked, when known: the figures shown count these, not the body's base64. */
let fileBytes: number | null = null;

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export const uploadProgressStore = {
  getState: (): UploadProgressState => store.get(),

  /**
   * Starts tracking an upload of `files` files (aborting any earlier one still running);
   * `bytes` is their own size in all, when known, for `fileBytesSent`.
   */
  begin: (files: number, bytes?: number): UploadTransfer => {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    fileBytes = bytes ?? null;
    set({ status: 'reading', files });
    const current = () => controller === own;
    return {
      signal: own.signal,
      onUploadProgress: ({ loaded, total }) => {
        if (current() && !own.signal.aborted) set({ status: 'uploading', files, loaded, total });
      },
      succeed: () => {
        if (!current()) return;
        controller = null;
        set(IDLE);
      },
      fail: (error) => {
        if (!current()) return;
        controller = null;
        if (own.signal.aborted || isAbortError(error)) set({ status: 'cancelled', files });
        else if (error instanceof ApiError && error.status === 400) set(IDLE);
        else set({ status: 'failed', files, message: error instanceof Error ? error.message : String(error) });
      },
    };
  },

  /** The Cancel button: aborts the upload in flight; its files stay pending. */
  cancel: (): void => {
    controller?.abort(new DOMException('The upload was cancelled', 'AbortError'));
  },

  /**
   * What reading the agent back told of a cancelled upload: `true` the server had stored it
   * (nothing left to upload: the message goes), `false` it had not, `null` unknown.
   */
  settleCancelled: (serverHas: boolean | null, timedOut = false): void => {
    const state = store.get();
    if (state.status !== 'cancelled') return;
    if (serverHas === true) set(IDLE);
    else set({ ...state, serverHas, timedOut });
  },

  /** Hides a failed or cancelled upload's message (the pending files were removed or saved). */
  dismiss: (): void => {
    const { status } = store.get();
    if (status === 'failed' || status === 'cancelled') set(IDLE);
  },
};

/**
 * An upload's progress in the files' own bytes: the request body carries them as base64 (a third
 * more) inside JSON, so the body's bytes sent are scaled to the files' size (their share of the
 * body is nearly all of it). Without a known file size, the body's bytes.
 *
 * @example uploadProgressStore.begin(1, 30e6); fileBytesSent({ loaded: 20e6, total: 40e6 }) // → { loaded: 15e6, total: 30e6 }
 */
export function fileBytesSent({ loaded, total }: { loaded: number; total: number }): { loaded: number; total: number } {
  if (fileBytes === null || total <= 0) return { loaded, total };
  return { loaded: Math.min(fileBytes, Math.round((loaded / total) * fileBytes)), total: fileBytes };
}

export function useUploadProgress(): UploadProgressState {
  return useStore(store);
}
