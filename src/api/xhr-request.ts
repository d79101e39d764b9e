import { expireApiKey, getApiKey } from './api-key-store';
import { ApiError, messageFor, parseBody } from './client';
import type { ResponseParser } from './response-parser';

/** Bytes of the request body sent so far, of `total`. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface XhrJsonOptions<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Same-origin API path, e.g. `/test_framework/v2/aiagents/7/`. */
  path: string;
  /** A Blob is sent as is (already JSON text); anything else is sent as `JSON.stringify(body)`. */
  body?: unknown;
  /** Parses the response; its output is what `xhrJson` resolves to. */
  schema: ResponseParser<T>;
  /** Aborting it aborts the request; the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Called as the request body goes out (XHR `upload.onprogress`; `fetch` has no such event). */
  onUploadProgress?: (progress: UploadProgress) => void;
  /** A key to try instead of the signed-in one; a 401/403 for it does not end the session. */
  apiKey?: string;
}

function abortReason(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error || reason instanceof DOMException ? reason : new DOMException('The request was cancelled', 'AbortError');
}

/**
 * `apiFetch` over XMLHttpRequest, for requests whose upload progress the user watches: same
 * header, same errors (`ApiError` with status and body, status 0 when the API cannot be
 * reached), and a 401/403 signs the user out so the app asks for a key again.
 *
 * @example await xhrJson({ method: 'PATCH', path: agentPath(7), body, schema: apiAgentSchema, onUploadProgress: (p) => console.log(p.loaded / p.total) })
 */
export function xhrJson<T>(options: XhrJsonOptions<T>): Promise<T> {
  const { method, path, body, schema, signal, onUploadProgress } = options;
  const apiKey = options.apiKey ?? getApiKey();
  if (apiKey === null) return Promise.reject(new ApiError(401, 'Sign in to continue'));
  if (signal?.aborted) return Promise.reject(abortReason(signal));

  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CEKURA-API-KEY', apiKey);
    if (body !== undefined) xhr.setRequestHeader('Content-Type', 'application/json');

    const onAbort = () => xhr.abort();
    const finish = () => signal?.removeEventListener('abort', onAbort);
    signal?.addEventListener('abort', onAbort, { once: true });

    if (onUploadProgress) {
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onUploadProgress({ loaded: event.loaded, total: event.total });
      });
    }
    xhr.addEventListener('abort', () => {
      finish();
      reject(abortReason(signal));
    });
    const unreachable = () => {
      finish();
      reject(new ApiError(0, 'Could not reach the Cekura API. Check your connection and try again.'));
    };
    xhr.addEventListener('error', unreachable);
    xhr.addEventListener('timeout', unreachable);
    xhr.addEventListener('load', () => {
      finish();
      const parsed = parseBody(typeof xhr.response === 'string' ? xhr.response : '');
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = new ApiError(xhr.status, messageFor(xhr.status, parsed), parsed);
        if (error.isAuthError && options.apiKey === undefined) expireApiKey(apiKey);
        reject(error);
        return;
      }
      const result = schema.safeParse(parsed);
      if (!result.success) {
        reject(new ApiError(xhr.status, 'The Cekura API sent an answer this dashboard does not understand', parsed));
        return;
      }
      resolve(result.data);
    });

    xhr.send(body === undefined ? null : body instanceof Blob ? body : JSON.stringify(body));
  });
}
