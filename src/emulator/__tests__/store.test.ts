// @vitest-environment node
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatorStore } from '../store';
import { removeDir } from './emulator-server';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cekura-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

describe('EmulatorStore', () => {
  it('hands out strictly increasing timestamps within one millisecond', async () => {
    const store = new EmulatorStore(await tempDir());
    const stamps = Array.from({ length: 2000 }, () => store.now());
    for (let i = 1; i < stamps.length; i++) expect(Date.parse(stamps[i] ?? '')).toBeGreaterThan(Date.parse(stamps[i - 1] ?? ''));
  });

  it('keeps timestamps and ids increasing across a restart', async () => {
    const dir = await tempDir();
    const first = new EmulatorStore(dir);
    first.state.lastNowMs = Date.now() + 60_000;
    const lastTool = first.nextId('tool');
    first.save();
    const second = new EmulatorStore(dir);
    expect(Date.parse(second.now())).toBeGreaterThan(Date.now() + 59_000);
    expect(second.nextId('tool')).toBe(lastTool + 1);
  });

  it('seeds a fresh folder with state.json and the seeded files', async () => {
    const dir = await tempDir();
    const store = new EmulatorStore(dir);
    const files = store.state.agents.flatMap((a) => (Array.isArray(a.knowledge_base_files) ? (a.knowledge_base_files as { id: number }[]) : []));
    expect((await fs.readdir(path.join(dir, 'files'))).length).toBe(files.length);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'state.json'), 'utf8'))).toEqual(store.state);
  });
});
