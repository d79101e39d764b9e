import type { ServerResponse } from 'node:http';
import { isPlainObject } from '../agent/deep-equal';
import { HttpError, sendJson } from './http';

/**
 * Injected failures for tests: the next `times` requests matching `method` and `pathPrefix`
 * wait `delayMs` (or, with `hold`, until the faults are cleared), then answer `status` with
 * `body` without touching the state. Without a status the request only waits and then runs
 * normally (to see loading states). With `afterApply` the request runs first (a PATCH is
 * applied) and only its answer waits, then goes out as it was, or as the fault's status and body.
 */
export interface Fault {
  /** Upper-case HTTP method, or null for any. */
  method: string | null;
  pathPrefix: string;
  status: number | null;
  times: number;
  /** JSON to answer; `null` answers an empty body; absent answers a DRF-like `{detail}`. */
  body?: unknown;
  /** Text answered as is instead of `body` (not JSON: an HTML error page, a cut-off answer). */
  rawBody?: string;
  delayMs: number;
  /** Wait until the faults are cleared (`DELETE /__emulator/faults` or a reset), not `delayMs`. */
  hold: boolean;
  /** Run the request first, then hold its answer (the server applied what the client never hears of). */
  afterApply: boolean;
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
  const { method, pathPrefix, status, times = 1, delayMs = 0, headers = {}, hold = false, afterApply = false, rawBody } = body;
  if (method !== undefined && method !== null && typeof method !== 'string') errors.method = ['Must be a string, e.g. "PATCH", or "*".'];
  if (typeof pathPrefix !== 'string' || !pathPrefix.startsWith('/')) errors.pathPrefix = ['Must be a path starting with "/".'];
  if (status !== undefined && (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)) {
    errors.status = ['Must be an HTTP status between 100 and 599.'];
  }
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) errors.times = ['Must be a positive integer.'];
  if (typeof delayMs !== 'number' || delayMs < 0 || delayMs > 60_000) errors.delayMs = ['Must be between 0 and 60000.'];
  if (typeof hold !== 'boolean') errors.hold = ['Must be true or false.'];
  if (typeof afterApply !== 'boolean') errors.afterApply = ['Must be true or false.'];
  if (rawBody !== undefined && typeof rawBody !== 'string') errors.rawBody = ['Must be a string.'];
  if (rawBody !== undefined && status === undefined) errors.rawBody = ['Give the status to answer it with.'];
  if (status === undefined && delayMs === 0 && hold !== true) errors.status = ['Give a status, a delayMs, hold, or a combination.'];
  if (!isPlainObject(headers) || !Object.values(headers).every((v) => typeof v === 'string')) errors.headers = ['Must map names to strings.'];
  if (Object.keys(errors).length > 0) throw new HttpError(400, errors);
  const fault: Fault = {
    method: typeof method === 'string' && method !== '*' ? method.toUpperCase() : null,
    pathPrefix: pathPrefix as string,
    status: typeof status === 'number' ? status : null,
    times: times as number,
    delayMs: delayMs as number,
    hold: hold === true,
    afterApply: afterApply === true,
    headers: headers as Record<string, string>,
  };
  if ('body' in body) fault.body = body.body;
  if (typeof rawBody === 'string') fault.rawBody = rawBody;
  return fault;
}

export class FaultRegistry {
  private faults: Fault[] = [];
  /** Requests held until the faults are cleared. */
  private held = new Set<() => void>();

  add(input: unknown): Fault {
    const fault = parseFault(input);
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  /** Removes every fault and lets every held request go on. */
  clear(): void {
    this.faults = [];
    const held = [...this.held];
    this.held.clear();
    for (const release of held) release();
  }

  /** Waits as `fault` says: until the faults are cleared (`hold`), else `delayMs`. */
  wait(fault: Fault): Promise<void> {
    if (fault.hold) return new Promise((resolve) => this.held.add(resolve));
    return fault.delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, fault.delayMs)) : Promise.resolve();
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

/** Answers the fault's status and body; false (nothing sent) when it has no status. */
export function answerFault(fault: Fault, res: ServerResponse): boolean {
  if (fault.status === null) return false;
  const headers = fault.status === 429 && !('Retry-After' in fault.headers) ? { 'Retry-After': '30', ...fault.headers } : fault.headers;
  if (fault.rawBody !== undefined) {
    res.writeHead(fault.status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(fault.rawBody), ...headers });
    res.end(fault.rawBody);
    return true;
  }
  if (fault.body === null) {
    res.writeHead(fault.status, headers);
    res.end();
    return true;
  }
  const body = 'body' in fault ? fault.body : { detail: DEFAULT_DETAILS[fault.status] ?? `Injected fault (${fault.status}).` };
  sendJson(res, fault.status, body, headers);
  return true;
}

/**
 * Holds what a route writes to `res` (status, headers, body) instead of sending it: `send()`
 * sends it as written, `drop()` forgets it so another answer can go out.
 */
export function holdResponse(res: ServerResponse): { send: () => void; drop: () => void } {
  const calls: (() => void)[] = [];
  const names = ['writeHead', 'write', 'end'] as const;
  // Middleware in front (compression) may have replaced these on the object itself: put back exactly what was there.
  const own = names.map((name) => Object.getOwnPropertyDescriptor(res, name));
  names.forEach((name) => {
    const original = Reflect.get(res, name) as (...args: unknown[]) => unknown;
    Reflect.set(res, name, (...args: unknown[]) => {
      calls.push(() => {
        Reflect.apply(original, res, args);
      });
      return name === 'write' ? true : res;
    });
  });
  const restore = () =>
    names.forEach((name, i) => {
      const descriptor = own[i];
      if (descriptor) Object.defineProperty(res, name, descriptor);
      else Reflect.deleteProperty(res, name);
    });
  return {
    send: () => {
      restore();
      for (const call of calls) call();
    },
    drop: restore,
  };
}
