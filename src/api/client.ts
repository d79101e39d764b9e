import { expireApiKey, getApiKey } from './api-key-store';
import type { ResponseParser } from './response-parser';
import { retryAfterMs } from './retry-after';

/** A failed API call: `status` is the HTTP status, or 0 when the API could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  /** The response body: parsed JSON when it was JSON, else its text. */
  readonly body: unknown;
  /** How long the API asked to wait before trying again (`Retry-After`, e.g. on a 429), in ms; `null` when it did not say. */
  readonly retryAfterMs: number | null;

  constructor(status: number, message: string, body: unknown = null, retryAfter: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.retryAfterMs = retryAfter;
  }

  /** The key was missing, wrong or without access (401 or 403). */
  get isAuthError(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** What a transport sends: everything is decided; it only moves the bytes. */
interface TransportRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Blob | null;
  signal?: AbortSignal;
}

/** What a transport answers; it rejects (with anything) when no answer came. */
interface TransportResponse {
  status: number;
  text: string;
  /** A response header by name (case-insensitive), `null` when absent. */
  header?: (name: string) => string | null;
}

/** How a request travels: `fetch` unless an upload's progress is watched (`sendWithXhr`). */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

const sendWithFetch: Transport = async ({ method, path, headers, body, signal }) => {
  const response = await fetch(path, { method, headers, body, signal });
  return { status: response.status, text: await response.text(), header: (name) => response.headers.get(name) };
};

export interface ApiFetchOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON; a Blob is sent as is (it already is JSON text). */
  body?: unknown;
  /** Parses the response; its output is what `apiFetch` resolves to. */
  schema: ResponseParser<T>;
  /** Aborting it aborts the request; the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /**
   * A key to try instead of the signed-in one (the sign-in screen validates with it).
   * A 401 for an explicit key does not end the session.
   */
  apiKey?: string;
  /** `fetch` unless given. */
  transport?: Transport;
}

/** A response body: parsed JSON when it is JSON, else its text; `null` when empty. */
function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The message of an `ApiError`: the API's `detail`, else one for the status. */
function messageFor(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string') {
    return body.detail;
  }
  if (status === 400) return 'Some values were not accepted';
  if (status === 404) return 'Not found';
  if (status === 429) return 'Too many requests; wait a moment and try again';
  if (status >= 500) return `The Cekura API failed (${status}); try again`;
  return `The request failed (${status})`;
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error || reason instanceof DOMException ? reason : new DOMException('The request was cancelled', 'AbortError');
}

/**
 * Calls the Cekura API on this origin with the signed-in key and parses the JSON answer. One
 * place for the header, the errors and the parsing, whichever transport carries the request.
 *
 * @example await apiFetch('/user/v1/projects/', { schema: apiProjectListSchema })
 * @throws ApiError for a non-2xx answer (status, body, `detail` as message), status 0 for a
 *   network failure; a 401 also signs the user out so the app asks for a key again (a 403 does
 *   not: the key is valid, it only lacks access to this, and signing in with it again would loop).
 *   An aborted `signal` rejects with its reason.
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions<T>): Promise<T> {
  const { method = 'GET', body, schema, signal, transport = sendWithFetch } = options;
  const apiKey = options.apiKey ?? getApiKey();
  // Signed out (e.g. a page kept behind the sign-in screen): nothing to send the request with.
  if (apiKey === null) throw new ApiError(401, 'Sign in to continue');
  if (signal?.aborted) throw abortReason(signal);
  const headers: Record<string, string> = { Accept: 'application/json', 'X-CEKURA-API-KEY': apiKey };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: TransportResponse;
  try {
    response = await transport({
      method,
      path,
      headers,
      body: body === undefined ? null : body instanceof Blob ? body : JSON.stringify(body),
      signal,
    });
  } catch {
    if (signal?.aborted) throw abortReason(signal);
    throw new ApiError(0, 'Could not reach the Cekura API. Check your connection and try again.');
  }

  const parsed = parseBody(response.text);
  if (response.status < 200 || response.status >= 300) {
    const error = new ApiError(response.status, messageFor(response.status, parsed), parsed, retryAfterMs(response.header?.('Retry-After')));
    if (error.status === 401 && options.apiKey === undefined) expireApiKey(apiKey);
    throw error;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new ApiError(response.status, 'The Cekura API sent an answer this dashboard does not understand', parsed);
  }
  return result.data;
}
