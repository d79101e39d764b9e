// @vitest-environment node
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';

// `CEKURA_API_URL=… npm start` (README): the dev server proxies /test_framework/ and /user/ to
// that API instead of answering them with the emulator. A local stand-in plays the real API.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  delete process.env.CEKURA_API_URL;
});

interface Seen {
  method: string;
  url: string;
  key: string | undefined;
  host: string | undefined;
}

async function fakeRealApi(): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const key = req.headers['x-cekura-api-key'];
    seen.push({ method: req.method ?? '', url: req.url ?? '', key: typeof key === 'string' ? key : undefined, host: req.headers.host });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ from: 'real-api', path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

async function startDashboard(): Promise<string> {
  const server: ViteDevServer = await createServer({
    configFile: path.join(root, 'vite.config.ts'),
    root,
    logLevel: 'silent',
    server: { port: 0, strictPort: false },
  });
  await server.listen();
  cleanups.push(() => server.close());
  const address = server.httpServer?.address() as AddressInfo;
  return `http://localhost:${address.port}`;
}

describe('the dev server against a real API (CEKURA_API_URL)', () => {
  it('proxies /test_framework/ and /user/ with the key header, and never runs the emulator', async () => {
    const api = await fakeRealApi();
    process.env.CEKURA_API_URL = api.url;
    const base = await startDashboard();

    const agents = await fetch(`${base}/test_framework/v2/aiagents/?page=2&q=bot`, { headers: { 'X-CEKURA-API-KEY': 'real-key' } });
    expect(await agents.json()).toEqual({ from: 'real-api', path: '/test_framework/v2/aiagents/?page=2&q=bot' });
    const projects = await fetch(`${base}/user/v1/projects/`, { headers: { 'X-CEKURA-API-KEY': 'real-key' } });
    expect(await projects.json()).toEqual({ from: 'real-api', path: '/user/v1/projects/' });
    const patch = await fetch(`${base}/test_framework/v2/aiagents/7/`, {
      method: 'PATCH',
      headers: { 'X-CEKURA-API-KEY': 'real-key', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(patch.status).toBe(200);

    expect(api.seen.map((s) => `${s.method} ${s.url} ${s.key ?? ''}`)).toEqual([
      'GET /test_framework/v2/aiagents/?page=2&q=bot real-key',
      'GET /user/v1/projects/ real-key',
      'PATCH /test_framework/v2/aiagents/7/ real-key',
    ]);
    // changeOrigin: the API sees its own host, as a browser talking to it directly would send.
    expect(api.seen[0]?.host).toBe(new URL(api.url).host);
    // The emulator's hooks are not mounted: nothing answers them.
    const reset = await fetch(`${base}/__emulator/reset`, { method: 'POST' });
    expect(reset.headers.get('content-type') ?? '').not.toContain('application/json');
  }, 30_000);
});
