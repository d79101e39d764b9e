import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';
import { waitForPort } from '../scripts/nginx-host.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the app once, then starts one `vite preview` (the production build with the embedded
 * emulator) per Playwright worker, each on its own port with its own emulator data, so workers
 * run side by side without resetting each other's agents. The specs find their worker's server
 * through E2E_BASE_URLS (see `baseURL` in specs/fixtures.ts).
 *
 * E2E_PORT (default 4173) is the first port; worker N uses E2E_PORT + N.
 * E2E_SKIP_BUILD=1 serves the dist/ already there (`npm test` builds once for both e2e runs).
 */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  if (!process.env.E2E_SKIP_BUILD || !fs.existsSync(path.join(root, 'dist/index.html'))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npm run build failed');
  }

  const firstPort = Number(process.env.E2E_PORT ?? 4173);
  const servers: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      servers.map(async (server) => {
        if (server.exitCode !== null || server.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
        server.kill('SIGTERM');
        await exited;
      }),
    );
  };

  try {
    const urls = await Promise.all(
      Array.from({ length: Math.max(1, config.workers) }, async (_, index) => {
        const port = firstPort + index;
        // A server left over from an earlier run would answer in place of this one, with its
        // own (older) build: refuse rather than test the wrong code.
        if (await portInUse(port)) throw new Error(`Port ${port} is in use (a server left running?). Stop it, or set E2E_PORT.`);
        const server = spawn(path.join(root, 'node_modules/.bin/vite'), ['preview', '--port', String(port), '--strictPort'], {
          cwd: root,
          env: {
            ...process.env,
            VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
            EMULATOR_DATA_DIR: `.data/e2e-${index}`,
            PORT: String(port),
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        servers.push(server);
        await waitForPort(port, { isDead: () => server.exitCode !== null, timeoutMs: 120_000, name: 'vite preview' });
        return `http://localhost:${port}`;
      }),
    );
    process.env.E2E_BASE_URLS = urls.join(',');
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
