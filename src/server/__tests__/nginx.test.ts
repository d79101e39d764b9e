// @vitest-environment node
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findNginx, freePort, startNginx, waitForPort } from '../../../scripts/nginx-host.mjs';
import type { RunningNginx } from '../../../scripts/nginx-host.mjs';
import { readSecurityHeaders } from '../security-headers';
import { DOT_DOT_PATHS } from './attack-paths';
import { startFakeApi } from './fake-api';
import type { FakeApi } from './fake-api';
import { rawRequest } from './raw-request';

// deploy/nginx/default.conf.template run by the host's nginx (as `npm run serve` does) in front
// of a stand-in of the real API. Without nginx these tests are skipped on a laptop, and fail in CI.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const nginxBin = findNginx();
const skip = nginxBin === null && !process.env.CI;
if (skip) console.warn('nginx is not installed (Debian: apt-get install nginx): the nginx tests are skipped. CI runs them.');

const production = readSecurityHeaders();
const INDEX_HTML = '<!doctype html><html><head><title>Dashboard</title></head><body><div id="root"></div></body></html>';
const ASSET = `/assets/index-Ab12Cd34.js`;

function expectSecurityHeaders(headers: Record<string, unknown>, what: string): void {
  for (const [name, value] of Object.entries(production)) expect(headers[name.toLowerCase()], `${name} on ${what}`).toBe(value);
}

describe.skipIf(skip)('the nginx template', () => {
  let api: FakeApi;
  let nginx: RunningNginx;
  let staticRoot: string;

  beforeAll(async () => {
    staticRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'cekura-dist-'));
    await fs.chmod(staticRoot, 0o755);
    await fs.mkdir(path.join(staticRoot, 'assets'));
    await fs.writeFile(path.join(staticRoot, 'index.html'), INDEX_HTML);
    await fs.writeFile(path.join(staticRoot, ASSET), `export const app = ${JSON.stringify('x'.repeat(4000))};\n`);
    await fs.writeFile(path.join(staticRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    api = await startFakeApi();
    nginx = await startNginx({
      port: await freePort(),
      apiUrl: api.url,
      values: { STATIC_ROOT: staticRoot, CLIENT_MAX_BODY_SIZE: '64k' },
      stdio: 'ignore',
    });
  }, 30_000);

  afterAll(async () => {
    // Undefined when beforeAll failed (nginx missing in CI): report that failure, not this one.
    await (nginx as RunningNginx | undefined)?.stop();
    await (api as FakeApi | undefined)?.close();
    await fs.rm(staticRoot, { recursive: true, force: true });
  });

  it('runs in the foreground with its own pid file and temp dirs', async () => {
    const pid = Number(await fs.readFile(nginx.pidFile, 'utf8'));
    expect(pid).toBe(nginx.child.pid);
    expect(nginx.runDir.startsWith(os.tmpdir())).toBe(true);
  });

  it('serves index.html, assets and deep links with the security headers and the right caching', async () => {
    const index = await rawRequest(nginx.url, '/');
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX_HTML);
    expect(index.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(index.headers, 'index.html');

    const deepLink = await rawRequest(nginx.url, '/agents/4242/telephony');
    expect(deepLink.status).toBe(200);
    expect(deepLink.body).toBe(INDEX_HTML);
    expect(deepLink.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(deepLink.headers, 'a deep link');

    const asset = await rawRequest(nginx.url, ASSET, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('gzip');
    expectSecurityHeaders(asset.headers, 'an asset');

    // A stale tab asking for an asset of an older build gets a 404, not index.html.
    const missing = await rawRequest(nginx.url, '/assets/index-Old00000.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers, 'a 404');
  });

  it('proxies the API prefixes keeping status and body, with only the headers the API needs', async () => {
    api.seen.length = 0;
    const response = await rawRequest(nginx.url, '/user/teapot/', {
      headers: {
        'X-CEKURA-API-KEY': 'real-key',
        Accept: 'application/json',
        Cookie: 'sessionid=browser',
        Authorization: 'Bearer other',
        'X-Custom': 'nope',
        Referer: 'http://localhost/agents/1',
      },
    });
    expect(response.status).toBe(418);
    expect(JSON.parse(response.body)).toEqual({ from: 'real-api', path: '/user/teapot/' });
    expect(response.headers['set-cookie']).toBeUndefined();
    expectSecurityHeaders(response.headers, 'a proxied answer');

    expect(api.seen).toHaveLength(1);
    const seen = api.seen[0]?.headers ?? {};
    expect(seen['x-cekura-api-key']).toBe('real-key');
    expect(seen.host).toBe(new URL(api.url).host);
    for (const name of ['cookie', 'authorization', 'x-custom', 'referer']) expect(seen[name], name).toBeUndefined();

    const body = JSON.stringify({ name: 'Through nginx' });
    const patch = await rawRequest(nginx.url, '/test_framework/v2/aiagents/7/?x=1', {
      method: 'PATCH',
      headers: { 'X-CEKURA-API-KEY': 'real-key', 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) },
      body,
    });
    expect(patch.status).toBe(200);
    expect(api.seen[1]).toMatchObject({ method: 'PATCH', url: '/test_framework/v2/aiagents/7/?x=1', bodyBytes: Buffer.byteLength(body) });
    expect(api.seen[1]?.headers['content-type']).toBe('application/json');
  });

  it('proxies nothing else: other prefixes and paths with .. segments never reach the API', async () => {
    api.seen.length = 0;
    for (const target of DOT_DOT_PATHS) {
      expect((await rawRequest(nginx.url, target, { headers: { 'X-CEKURA-API-KEY': 'real-key' } })).status, target).toBe(400);
    }
    const other = await rawRequest(nginx.url, '/admin/users/', { headers: { 'X-CEKURA-API-KEY': 'real-key' } });
    expect(other.body).toBe(INDEX_HTML); // the app's own page, not the API
    const hook = await rawRequest(nginx.url, '/__emulator/reset', { method: 'POST' });
    expect(hook.status).toBe(403);
    expect(api.seen).toEqual([]);
  });

  it('answers a body over CLIENT_MAX_BODY_SIZE with 413 and a JSON detail, without reaching the API', async () => {
    api.seen.length = 0;
    const body = JSON.stringify({ knowledge_base_files: [{ file_name: 'big.txt', content_base64: 'A'.repeat(100 * 1024) }] });
    const response = await rawRequest(nginx.url, '/test_framework/v2/aiagents/7/', {
      method: 'PATCH',
      headers: { 'X-CEKURA-API-KEY': 'real-key', 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) },
      body,
    });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toBe('application/json');
    expect((JSON.parse(response.body) as { detail: string }).detail).toContain('larger than the server accepts (64k at most)');
    expectSecurityHeaders(response.headers, 'a 413');
    expect(api.seen).toEqual([]);
  });
});

describe.skipIf(skip)('npm run serve', () => {
  it('serves with a plain-HTTP upstream and stops cleanly on SIGTERM', async () => {
    const api = await startFakeApi();
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], {
      env: { ...process.env, PORT: String(port), CEKURA_API_URL: api.url, STATIC_ROOT: path.join(root, 'src/server/__tests__/static') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitForPort(port, { isDead: () => child.exitCode !== null });
      const response = await rawRequest(`http://127.0.0.1:${port}`, '/user/v1/projects/', { headers: { 'X-CEKURA-API-KEY': 'k' } });
      expect(JSON.parse(response.body)).toEqual({ from: 'real-api', path: '/user/v1/projects/' });
      await vi.waitFor(() => expect(output).toContain('run files in'));
      expect(output).toContain(`Serving the dashboard on http://localhost:${port}`);
      const runDir = /run files in (\S+)/.exec(output)?.[1] ?? '';
      await fs.access(path.join(runDir, 'nginx.pid'));

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await expect(fs.access(runDir)).rejects.toThrow(); // pid file and temp dirs removed
      await expect(rawRequest(`http://127.0.0.1:${port}`, '/')).rejects.toThrow(); // nothing listens
    } finally {
      // SIGTERM even when a check failed: a killed script would leave its nginx running.
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await api.close();
    }
  }, 30_000);
});
