import { vi } from 'vitest';

/**
 * A scriptable XMLHttpRequest (jsdom's would try the network): each sent request is kept in
 * `FakeXhr.sent`; the test answers it (`respond`), reports upload progress, or fails it.
 */
export class FakeXhr {
  static sent: FakeXhr[] = [];

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: Document | XMLHttpRequestBodyInit | null = null;
  status = 0;
  response = '';
  responseType = '';
  responseHeaders: Record<string, string> = {};
  readonly upload = new EventTarget();
  private readonly events = new EventTarget();

  addEventListener(type: string, listener: EventListener): void {
    this.events.addEventListener(type, listener);
  }

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  send(body: Document | XMLHttpRequestBodyInit | null): void {
    this.body = body;
    FakeXhr.sent.push(this);
  }

  abort(): void {
    this.events.dispatchEvent(new Event('abort'));
  }

  /** Answers with `status` and `body` (JSON unless a string), and response `headers`. */
  respond(status: number, body: unknown = null, headers: Record<string, string> = {}): void {
    this.status = status;
    this.responseHeaders = headers;
    this.response = typeof body === 'string' ? body : body === null ? '' : JSON.stringify(body);
    this.events.dispatchEvent(new Event('load'));
  }

  getResponseHeader(name: string): string | null {
    const found = Object.entries(this.responseHeaders).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return found ? found[1] : null;
  }

  progress(loaded: number, total: number): void {
    this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
  }

  /** A network failure. */
  fail(): void {
    this.events.dispatchEvent(new Event('error'));
  }

  /** The body as text (a Blob body is read). */
  async bodyText(): Promise<string> {
    const body = this.body;
    if (body instanceof Blob) return body.text();
    return typeof body === 'string' ? body : '';
  }
}

/** Replaces XMLHttpRequest for this test (undone by `vi.unstubAllGlobals()`). */
export function installFakeXhr(): typeof FakeXhr {
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return FakeXhr;
}
