// @vitest-environment node
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, removeDir, startEmulator } from './emulator-server';
import type { RunningEmulator } from './emulator-server';

const running: RunningEmulator[] = [];
const dirs = new Set<string>();
async function start(dataDir?: string): Promise<RunningEmulator> {
  const emu = await startEmulator(dataDir);
  running.push(emu);
  dirs.add(emu.dataDir);
  return emu;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  await Promise.all([...dirs].map(removeDir));
  dirs.clear();
});

async function rename(emu: RunningEmulator, id: number, name: string): Promise<void> {
  const res = await emu.api(`/test_framework/v2/aiagents/${id}/`, { method: 'PATCH', body: { name } });
  expect(res.status).toBe(200);
}

async function nameOf(emu: RunningEmulator, id: number): Promise<unknown> {
  return (await json(await emu.api(`/test_framework/v2/aiagents/${id}/`))).name;
}

describe('persistence', () => {
  it('keeps saves, uploads and history across a restart on the same folder', async () => {
    const first = await start();
    await rename(first, 101, 'Survives restarts');
    const upload = await first.api('/test_framework/v2/aiagents/101/', {
      method: 'PATCH',
      body: { knowledge_base_files: [{ file_name: 'kept.json', content_base64: Buffer.from('{"kept":true}').toString('base64') }] },
    });
    const fileUrl = ((await json(upload)).knowledge_base_files as { file_url: string }[])[0]?.file_url ?? '';
    await first.close();

    const second = await start(first.dataDir);
    expect(await nameOf(second, 101)).toBe('Survives restarts');
    expect(await (await fetch(`${second.baseUrl}${fileUrl}`)).text()).toBe('{"kept":true}');
    const history = await json(await second.api('/test_framework/v2/aiagents/101/history/'));
    expect(history.count).toBe(3);
    // ids keep counting after a restart
    await rename(second, 101, 'Again');
    const after = await json(await second.api('/test_framework/v2/aiagents/101/history/'));
    expect((after.results as { history_id: number }[])[0]?.history_id).toBeGreaterThan((history.results as { history_id: number }[])[0]?.history_id ?? Infinity);
  });

  it('writes state.json atomically, leaving no temp file', async () => {
    const emu = await start();
    await rename(emu, 102, 'Atomic');
    const entries = await fs.readdir(emu.dataDir);
    expect(entries.filter((e) => e.endsWith('.tmp'))).toEqual([]);
    const state = JSON.parse(await fs.readFile(path.join(emu.dataDir, 'state.json'), 'utf8')) as { agents: { id: number; name: string }[] };
    expect(state.agents.find((a) => a.id === 102)?.name).toBe('Atomic');
  });

  it('picks up a state.json written by another server on the same folder', async () => {
    const a = await start();
    const b = await start(a.dataDir);
    await rename(a, 103, 'Written by A');
    expect(await nameOf(b, 103)).toBe('Written by A');
  });

  it('reseeds when state.json is unreadable, keeping the bad file aside', async () => {
    const a = await start();
    await a.close();
    await fs.writeFile(path.join(a.dataDir, 'state.json'), '{ not json');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const b = await start(a.dataDir);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unreadable'));
    expect((await json(await b.api('/test_framework/v2/aiagents/'))).count).toBeGreaterThanOrEqual(7);
    expect((await fs.readdir(a.dataDir)).some((f) => f.startsWith('state.invalid-'))).toBe(true);
  });
});

describe('POST /__emulator/reset', () => {
  it('reseeds from scratch without an API key', async () => {
    const emu = await start();
    const seeded = await json(await emu.api('/test_framework/v2/aiagents/101/'));
    await rename(emu, 101, 'Changed');
    const res = await emu.api('/__emulator/reset', { method: 'POST', key: null });
    expect(res.status).toBe(200);
    expect(await json(await emu.api('/test_framework/v2/aiagents/101/'))).toEqual(seeded);
    expect((await json(await emu.api('/test_framework/v2/aiagents/101/history/'))).count).toBe(1);
  });

  it('drops uploaded files', async () => {
    const emu = await start();
    const res = await emu.api('/test_framework/v2/aiagents/104/', {
      method: 'PATCH',
      body: { knowledge_base_files: [{ file_name: 'tmp.txt', content_base64: Buffer.from('x').toString('base64') }] },
    });
    const url = ((await json(res)).knowledge_base_files as { file_url: string }[])[0]?.file_url ?? '';
    expect((await fetch(`${emu.baseUrl}${url}`)).status).toBe(200);
    await emu.api('/__emulator/reset', { method: 'POST' });
    expect((await fetch(`${emu.baseUrl}${url}`)).status).toBe(404);
  });

  it('answers 405 for GET and 404 for an unknown hook', async () => {
    const emu = await start();
    expect((await emu.api('/__emulator/reset')).status).toBe(405);
    expect((await emu.api('/__emulator/nothing', { method: 'POST' })).status).toBe(404);
  });
});

describe('/__emulator/faults', () => {
  it('answers the next `times` matching requests with the fault, then recovers', async () => {
    const emu = await start();
    const add = await emu.api('/__emulator/faults', {
      method: 'POST',
      key: null,
      body: { method: 'PATCH', pathPrefix: '/test_framework/v2/aiagents/101/', status: 500, times: 2, body: { detail: 'Boom' } },
    });
    expect(add.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const res = await emu.api('/test_framework/v2/aiagents/101/', { method: 'PATCH', body: { name: `Attempt ${i}` } });
      expect(res.status).toBe(500);
      expect(await json(res)).toEqual({ detail: 'Boom' });
    }
    expect(await nameOf(emu, 101)).toBe('Acme Support — Tier 1');
    await rename(emu, 101, 'Third time lucky');
    expect(await nameOf(emu, 101)).toBe('Third time lucky');
  });

  it('matches method and path prefix only', async () => {
    const emu = await start();
    await emu.api('/__emulator/faults', { method: 'POST', body: { method: 'GET', pathPrefix: '/user/', status: 429 } });
    expect((await emu.api('/test_framework/v2/aiagents/')).status).toBe(200);
    const limited = await emu.api('/user/v1/projects/');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(await json(limited)).toHaveProperty('detail');
    expect((await emu.api('/user/v1/projects/')).status).toBe(200);
  });

  it('can fake a 401 even with a valid key, and an empty body', async () => {
    const emu = await start();
    await emu.api('/__emulator/faults', { method: 'POST', body: { pathPrefix: '/test_framework/', status: 401 } });
    const res = await emu.api('/test_framework/v2/aiagents/');
    expect(res.status).toBe(401);
    expect(await json(res)).toEqual({ detail: 'Authentication credentials were not provided.' });
    await emu.api('/__emulator/faults', { method: 'POST', body: { pathPrefix: '/test_framework/', status: 502, body: null } });
    const empty = await emu.api('/test_framework/v2/aiagents/');
    expect(empty.status).toBe(502);
    expect(await empty.text()).toBe('');
  });

  it('delays a request without failing it when given only delayMs', async () => {
    const emu = await start();
    await emu.api('/__emulator/faults', { method: 'POST', body: { pathPrefix: '/user/', delayMs: 150 } });
    const started = Date.now();
    const res = await emu.api('/user/v1/projects/');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('lists and clears faults with DELETE', async () => {
    const emu = await start();
    await emu.api('/__emulator/faults', { method: 'POST', body: { pathPrefix: '/test_framework/', status: 503, times: 5 } });
    expect(((await json(await emu.api('/__emulator/faults'))).faults as unknown[]).length).toBe(1);
    const cleared = await emu.api('/__emulator/faults', { method: 'DELETE' });
    expect(await json(cleared)).toEqual({ faults: [] });
    expect((await emu.api('/test_framework/v2/aiagents/')).status).toBe(200);
  });

  it('rejects an invalid fault with field errors', async () => {
    const emu = await start();
    const res = await emu.api('/__emulator/faults', { method: 'POST', body: { pathPrefix: 'no-slash', status: 1000, times: 0 } });
    expect(res.status).toBe(400);
    expect(Object.keys(await json(res)).sort()).toEqual(['pathPrefix', 'status', 'times']);
    const raw = await emu.api('/__emulator/faults', { method: 'POST', body: { pathPrefix: '/user/', rawBody: 7, hold: 'yes' } });
    expect(Object.keys(await json(raw)).sort()).toEqual(['hold', 'rawBody', 'status']);
  });

  it('applies the request, then holds its answer for delayMs (afterApply)', async () => {
    const emu = await start();
    await emu.api('/__emulator/faults', { method: 'POST', body: { method: 'PATCH', pathPrefix: '/test_framework/', afterApply: true, delayMs: 60_000 } });
    const controller = new AbortController();
    const patch = emu.api('/test_framework/v2/aiagents/101/', { method: 'PATCH', body: { name: 'Applied, not answered' }, signal: controller.signal });
    await vi.waitFor(async () => expect(await nameOf(emu, 101)).toBe('Applied, not answered'));
    controller.abort();
    await expect(patch).rejects.toThrow();
  });

  it('holds an answer until the faults are cleared (hold), then sends it as the route wrote it', async () => {
    const emu = await start();
    await emu.api('/__emulator/faults', { method: 'POST', body: { method: 'PATCH', pathPrefix: '/test_framework/', afterApply: true, hold: true } });
    let answered = false;
    const patch = emu.api('/test_framework/v2/aiagents/101/', { method: 'PATCH', body: { name: 'Held' } }).then((res) => {
      answered = true;
      return res;
    });
    await vi.waitFor(async () => expect(await nameOf(emu, 101)).toBe('Held'));
    expect(answered).toBe(false);
    await emu.api('/__emulator/faults', { method: 'DELETE' });
    const res = await patch;
    expect(res.status).toBe(200);
    expect((await json(res)).name).toBe('Held');
  });

  it('holds a request before it runs (hold without afterApply) and lets a reset release it', async () => {
    const emu = await start();
    await emu.api('/__emulator/faults', { method: 'POST', body: { method: 'PATCH', pathPrefix: '/test_framework/', hold: true, status: 503 } });
    const patch = emu.api('/test_framework/v2/aiagents/101/', { method: 'PATCH', body: { name: 'Never applied' } });
    await vi.waitFor(async () => expect(((await json(await emu.api('/__emulator/faults'))).faults as unknown[]).length).toBe(0));
    expect(await nameOf(emu, 101)).toBe('Acme Support — Tier 1');
    await emu.api('/__emulator/faults', { method: 'DELETE' });
    expect((await patch).status).toBe(503);
    expect(await nameOf(emu, 101)).toBe('Acme Support — Tier 1');
  });

  it('answers a non-JSON body (rawBody), also after applying the request', async () => {
    const emu = await start();
    await emu.api('/__emulator/faults', {
      method: 'POST',
      body: { method: 'PATCH', pathPrefix: '/test_framework/', afterApply: true, status: 200, rawBody: '<html>proxy says hi' },
    });
    const res = await emu.api('/test_framework/v2/aiagents/101/', { method: 'PATCH', body: { name: 'Saved, answered with junk' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toBe('<html>proxy says hi');
    expect(await nameOf(emu, 101)).toBe('Saved, answered with junk');
  });

  it('is cleared by a reset', async () => {
    const emu = await start();
    await emu.api('/__emulator/faults', { method: 'POST', body: { pathPrefix: '/user/', status: 500 } });
    await emu.api('/__emulator/reset', { method: 'POST' });
    expect((await emu.api('/user/v1/projects/')).status).toBe(200);
  });
});
