// @vitest-environment node
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { cspHash, inlineScripts, readSecurityHeaders } from '../security-headers';
import { DOT_DOT_PATHS } from './attack-paths';
import { startFakeApi } from './fake-api';
import { rawRequest } from './raw-request';

// The dev and preview servers: the same security headers as nginx, and an API proxy that only
// forwards normalised paths under /test_framework/ and /user/, without cookies.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const production = readSecurityHeaders();

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  delete process.env.CEKURA_API_URL;
});

async function startDevServer(): Promise<string> {
  const server = await createServer({ configFile: path.join(root, 'vite.config.ts'), root, logLevel: 'silent', server: { port: 0, strictPort: false, host: '127.0.0.1' } });
  await server.listen();
  cleanups.push(() => server.close());
  return `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`;
}

describe('the dev server against a real API (CEKURA_API_URL)', () => {
  it('refuses paths with .. segments, raw or encoded, with 400 and never forwards them', async () => {
    const api = await startFakeApi();
    cleanups.push(() => api.close());
    process.env.CEKURA_API_URL = api.url;
    const base = await startDevServer();

    for (const target of DOT_DOT_PATHS) {
      const response = await rawRequest(base, target, { headers: { 'X-CEKURA-API-KEY': 'real-key' } });
      expect(response.status, target).toBe(400);
    }
    expect(api.seen).toEqual([]);
    // A normal path still goes through.
    const ok = await rawRequest(base, '/user/v1/projects/', { headers: { 'X-CEKURA-API-KEY': 'real-key' } });
    expect(JSON.parse(ok.body)).toEqual({ from: 'real-api', path: '/user/v1/projects/' });
  }, 30_000);

  it('passes no cookies upstream and none back, and keeps the upstream status and body', async () => {
    const api = await startFakeApi();
    cleanups.push(() => api.close());
    process.env.CEKURA_API_URL = api.url;
    const base = await startDevServer();

    const response = await rawRequest(base, '/user/teapot/', { headers: { 'X-CEKURA-API-KEY': 'real-key', Cookie: 'csrftoken=abc; sessionid=xyz' } });
    expect(response.status).toBe(418);
    expect(JSON.parse(response.body)).toEqual({ from: 'real-api', path: '/user/teapot/' });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0]?.headers.cookie).toBeUndefined();
    expect(api.seen[0]?.headers['x-cekura-api-key']).toBe('real-key');
  }, 30_000);

  it("sends production's headers, with script-src allowing only the dev page's own inline scripts", async () => {
    process.env.CEKURA_API_URL = 'http://127.0.0.1:9';
    const base = await startDevServer();
    const page = await rawRequest(base, '/agents/4242/telephony', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    const hashes = inlineScripts(page.body).map(cspHash);
    expect(hashes.length).toBeGreaterThan(0); // React Refresh's preamble
    expect(csp).toBe((production['Content-Security-Policy'] ?? '').replace("script-src 'self' 'wasm-unsafe-eval'", `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`));
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  }, 30_000);
});

describe('the preview server', () => {
  it('sends the production headers on pages and API answers, and refuses .. paths', async () => {
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cekura-preview-'));
    const dataDir = path.join(outDir, '.data');
    cleanups.push(() => fs.rm(outDir, { recursive: true, force: true }));
    await fs.writeFile(path.join(outDir, 'index.html'), '<!doctype html><title>Preview</title>');
    process.env.EMULATOR_DATA_DIR = dataDir;
    const server = await preview({ configFile: path.join(root, 'vite.config.ts'), root, logLevel: 'silent', build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' } });
    cleanups.push(async () => {
      await server.close();
      delete process.env.EMULATOR_DATA_DIR;
    });
    const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;

    for (const target of ['/agents/4242/telephony', '/user/v1/projects/']) {
      const response = await rawRequest(base, target, { headers: { Accept: 'text/html', 'X-CEKURA-API-KEY': 'cekura-demo-key' } });
      for (const [name, value] of Object.entries(production)) expect(response.headers[name.toLowerCase()], `${name} on ${target}`).toBe(value);
    }
    expect((await rawRequest(base, '/test_framework/%2e%2e/user/v1/projects/')).status).toBe(400);
    // An idle keep-alive connection outlives a test's pause (Node's 5 s would race a reuse: ECONNRESET).
    expect('keepAliveTimeout' in server.httpServer && server.httpServer.keepAliveTimeout).toBeGreaterThanOrEqual(60_000);
  }, 30_000);
});
