import { vi } from 'vitest';

/** A request as the stubbed `fetch` saw it. */
export interface StubRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The parsed JSON body, or `undefined` when there was none. */
  body: unknown;
}

type Handler = (request: StubRequest) => Response | Promise<Response>;

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Replaces `fetch` (the network edge) with handlers keyed by "METHOD /path/" (query string
 * ignored). An unmatched request answers 404 `{detail}`. Returns every request seen.
 *
 * @example stubFetch({ 'GET /user/v1/projects/': () => jsonResponse([]) })
 */
export function stubFetch(handlers: Record<string, Handler>): StubRequest[] {
  const requests: StubRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://localhost');
      const text = typeof init?.body === 'string' ? init.body : undefined;
      const request: StubRequest = {
        method: (init?.method ?? 'GET').toUpperCase(),
        url,
        headers: new Headers(init?.headers),
        body: text === undefined ? undefined : (JSON.parse(text) as unknown),
      };
      requests.push(request);
      const handler = handlers[`${request.method} ${url.pathname}`];
      return handler ? handler(request) : jsonResponse({ detail: 'Not found.' }, 404);
    }),
  );
  return requests;
}
