// @vitest-environment node
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createLogger, createServer, preview } from 'vite';
import type { Logger } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { cekuraEmulator } from '../vite-plugin';
import { removeDir } from './emulator-server';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

async function project(): Promise<{ root: string; dataDir: string }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'cekura-vite-'));
  dirs.push(root);
  const html = '<!doctype html><html><head><title>Dashboard SPA</title></head><body></body></html>';
  await fs.writeFile(path.join(root, 'index.html'), html);
  await fs.mkdir(path.join(root, 'dist'));
  await fs.writeFile(path.join(root, 'dist', 'index.html'), html);
  return { root, dataDir: path.join(root, '.data', 'emulator') };
}

function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('info');
  logger.info = (msg) => void lines.push(msg);
  return { logger, lines };
}

async function exercise(baseUrl: string): Promise<void> {
  const api = await fetch(`${baseUrl}/test_framework/v2/aiagents/101/`, { headers: { 'X-CEKURA-API-KEY': 'vite-key' } });
  expect(api.status).toBe(200);
  expect(api.headers.get('content-type')).toBe('application/json');
  expect(((await api.json()) as { id: number }).id).toBe(101);
  const patch = await fetch(`${baseUrl}/test_framework/v2/aiagents/101/`, {
    method: 'PATCH',
    headers: { 'X-CEKURA-API-KEY': 'vite-key', 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Through Vite' }),
  });
  expect(((await patch.json()) as { name: string }).name).toBe('Through Vite');
  const spa = await fetch(`${baseUrl}/agents/101`, { headers: { Accept: 'text/html' } });
  expect(await spa.text()).toContain('<title>Dashboard SPA</title>');
}

describe('cekuraEmulator()', () => {
  it('serves the API from the dev server, leaves other paths to Vite, and prints the demo key', async () => {
    const { root, dataDir } = await project();
    const { logger, lines } = capturingLogger();
    const server = await createServer({
      root,
      configFile: false,
      customLogger: logger,
      plugins: [cekuraEmulator({ dataDir, apiKey: 'vite-key' })],
      server: { port: 0, host: '127.0.0.1', ws: false },
    });
    try {
      await server.listen();
      server.printUrls();
      const { port } = server.httpServer?.address() as AddressInfo;
      await exercise(`http://127.0.0.1:${port}`);
      expect(lines.filter((l) => l.includes('API emulator: demo API key vite-key'))).toHaveLength(1);
      await fs.access(path.join(dataDir, 'state.json'));
    } finally {
      await server.close();
    }
  });

  it('serves the API from the preview server too', async () => {
    const { root, dataDir } = await project();
    const { logger, lines } = capturingLogger();
    const server = await preview({
      root,
      configFile: false,
      customLogger: logger,
      plugins: [cekuraEmulator({ dataDir, apiKey: 'vite-key' })],
      preview: { port: 0, host: '127.0.0.1' },
    });
    try {
      server.printUrls();
      const { port } = server.httpServer.address() as AddressInfo;
      await exercise(`http://127.0.0.1:${port}`);
      expect(lines.some((l) => l.includes('API emulator: demo API key vite-key'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('does not touch the data folder until a server starts', async () => {
    const { dataDir } = await project();
    const plugin = cekuraEmulator({ dataDir });
    expect(plugin.name).toBe('cekura-api-emulator');
    await expect(fs.access(dataDir)).rejects.toThrow();
  });
});
