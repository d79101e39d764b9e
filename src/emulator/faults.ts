import type { ServerResponse } from 'node:http';
import { isPlainObject } from '../agent/deep-equal';
import { HttpError, sendJson } from './http';

/**
 * Injected failures for tests: the next `times` requests matching `method` and `pathPrefix`
 * wait `delayMs`, then answer `status` with `body` without touching the state. Without a
 * status the request only waits and then runs normally (to see loading states).
 */
export interface Fault {
  /** Upper-case HTTP method, or null for any. */
  method: string | null;
  pathPrefix: string;
  status: number | null;
  times: number;
  /** JSON to answer; `null` answers an empty body; absent answers a DRF-like `{detail}`. */
  body?: unknown;
  delayMs: number;
  headers: Record<string, string>;
}

const DEFAULT_DETAILS: Readonly<Record<number, string>> = {
  400: 'Bad request.',
  401: 'Authentication credentials were not provided.',
  403: 'You do not have permission to perform this action.',
  404: 'Not found.',
  429: 'Request was throttled. Expected available in 30 seconds.',
  500: 'A server error occurred.',
  502: 'Bad gateway.',
  503: 'Service temporarily unavailable, try again later.',
};

function parseFault(input: unknown): Fault {
  const errors: Record<string, string[]> = {};
  const body = isPlainObject(input) ? input : {};
  const { method, pathPrefix, status, times = 1, delayMs = 0, headers = {} } = body;
  if (method !== undefined && method !== null && typeof method !== 'string') errors.method = ['Must be a string, e.g. "PATCH", or "*".'];
  if (typeof pathPrefix !== 'string' || !pathPrefix.startsWith('/')) errors.pathPrefix = ['Must be a path starting with "/".'];
  if (status !== undefined && (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)) {
    errors.status = ['Must be an HTTP status between 100 and 599.'];
  }
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) errors.times = ['Must be a positive integer.'];
  if (typeof delayMs !== 'number' || delayMs < 0 || delayMs > 60_000) errors.delayMs = ['Must be between 0 and 60000.'];
  if (status === undefined && delayMs === 0) errors.status = ['Give a status, a delayMs, or both.'];
  if (!isPlainObject(headers) || !Object.values(headers).every((v) => typeof v === 'string')) errors.headers = ['Must map names to strings.'];
  if (Object.keys(errors).length > 0) throw new HttpError(400, errors);
  const fault: Fault = {
    method: typeof method === 'string' && method !== '*' ? method.toUpperCase() : null,
    pathPrefix: pathPrefix as string,
    status: typeof status === 'number' ? status : null,
    times: times as number,
    delayMs: delayMs as number,
    headers: headers as Record<string, string>,
  };
  if ('body' in body) fault.body = body.body;
  return fault;
}

export class FaultRegistry {
  private faults: Fault[] = [];

  add(input: unknown): Fault {
    const fault = parseFault(input);
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  /** Uses up one turn of the first fault matching the request. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => (f.method === null || f.method === method.toUpperCase()) && path.startsWith(f.pathPrefix));
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

/** Plays a fault; true when it answered the request, false when the request should go on. */
export async function playFault(fault: Fault, res: ServerResponse): Promise<boolean> {
  if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.status === null) return false;
  const headers = fault.status === 429 && !('Retry-After' in fault.headers) ? { 'Retry-After': '30', ...fault.headers } : fault.headers;
  if (fault.body === null) {
    res.writeHead(fault.status, headers);
    res.end();
    return true;
  }
  const body = 'body' in fault ? fault.body : { detail: DEFAULT_DETAILS[fault.status] ?? `Injected fault (${fault.status}).` };
  sendJson(res, fault.status, body, headers);
  return true;
}
