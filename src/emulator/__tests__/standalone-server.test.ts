// @vitest-environment node
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { startStandaloneEmulator } from '../standalone-server';
import { removeDir } from './emulator-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the standalone emulator', () => {
  it('serves the same API as the Vite plugin on its own port, and frees the port on close', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cekura-standalone-'));
    const emulator = await startStandaloneEmulator({ port: 0, dataDir, apiKey: 'alone-key' });
    try {
      const agent = await fetch(`${emulator.url}/test_framework/v2/aiagents/101/`, { headers: { 'X-CEKURA-API-KEY': 'alone-key' } });
      expect(agent.status).toBe(200);
      expect(((await agent.json()) as { id: number }).id).toBe(101);
      expect((await fetch(`${emulator.url}/user/v1/projects/`)).status).toBe(401);
      expect((await fetch(`${emulator.url}/agents/101`)).status).toBe(404); // no app here, only the API
    } finally {
      await emulator.close();
      await removeDir(dataDir);
    }
    await expect(fetch(`${emulator.url}/user/v1/projects/`)).rejects.toThrow();
  });

  it('`npm run emulator` prints its URL and demo key, answers, and exits 0 on SIGTERM', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cekura-standalone-'));
    const child = spawn(process.execPath, [path.join(root, 'scripts/emulator.mjs')], {
      cwd: root,
      env: { ...process.env, PORT: '0', EMULATOR_DATA_DIR: dataDir, CEKURA_DEMO_API_KEY: 'script-key' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await vi.waitFor(() => expect(output).toMatch(/on http:\/\/127\.0\.0\.1:\d+ \(demo API key script-key/), { timeout: 30_000, interval: 100 });
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
      const projects = await fetch(`${url}/user/v1/projects/`, { headers: { 'X-CEKURA-API-KEY': 'script-key' } });
      expect(projects.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await removeDir(dataDir);
    }
  }, 40_000);
});
