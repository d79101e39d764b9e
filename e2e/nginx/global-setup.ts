import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findNginx, freePort, startNginx, waitForPort } from '../../scripts/nginx-host.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the app, starts the standalone emulator and the host's nginx (the deploy template) in
 * front of dist/ and the emulator, each on a free port; the specs read E2E_NGINX_URL and
 * E2E_EMULATOR_URL. Without nginx: an error in CI, a skip with its reason on a laptop.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (findNginx() === null) {
    if (process.env.CI) throw new Error('nginx is not installed, and CI must run the nginx tests: apt-get install nginx (.ci/run does).');
    process.env.E2E_NGINX_SKIP = 'nginx is not installed (Debian: apt-get install nginx); CI runs these tests';
    return () => Promise.resolve();
  }

  // E2E_SKIP_BUILD=1 serves the dist/ already there (`npm test` builds once for both e2e runs).
  if (!process.env.E2E_SKIP_BUILD || !fs.existsSync(path.join(root, 'dist/index.html'))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npm run build failed');
  }

  const emulatorPort = await freePort();
  const emulator = spawn(process.execPath, [path.join(root, 'scripts/emulator.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(emulatorPort), EMULATOR_DATA_DIR: '.data/e2e-nginx' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const emulatorExit = new Promise<void>((resolve) => emulator.once('exit', () => resolve()));
  const stopEmulator = async () => {
    if (emulator.exitCode === null && emulator.signalCode === null) emulator.kill('SIGTERM');
    await emulatorExit;
  };
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  try {
    await waitForPort(emulatorPort, { isDead: () => emulator.exitCode !== null, timeoutMs: 60_000 });
    nginx = await startNginx({
      port: await freePort(),
      apiUrl: `http://127.0.0.1:${emulatorPort}`,
      // Small, so a 413 costs a 7 MB file instead of hundreds of MB; the smoke's 5 MB file fits.
      values: { CLIENT_MAX_BODY_SIZE: process.env.E2E_NGINX_MAX_BODY ?? '8m' },
    });
  } catch (error) {
    await stopEmulator();
    throw error;
  }

  process.env.E2E_NGINX_URL = nginx.url;
  process.env.E2E_EMULATOR_URL = `http://127.0.0.1:${emulatorPort}`;
  return async () => {
    await nginx.stop();
    await stopEmulator();
  };
}
