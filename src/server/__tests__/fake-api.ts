import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in of the real API received. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
}

export interface FakeApi {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A stand-in for the real Cekura API: records every request and answers
 * `{from: 'real-api', path}`, with status 418 and a Set-Cookie for `/user/teapot/`.
 */
export async function startFakeApi(): Promise<FakeApi> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes });
      const teapot = req.url === '/user/teapot/';
      res.writeHead(teapot ? 418 : 200, {
        'Content-Type': 'application/json',
        'Set-Cookie': 'sessionid=upstream; Path=/',
      });
      res.end(JSON.stringify({ from: 'real-api', path: req.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
