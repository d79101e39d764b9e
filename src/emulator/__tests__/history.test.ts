// @vitest-environment node
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulatorForThisFile, json } from './emulator-server';

interface HistoryEntry {
  history_id: number;
  history_date: string;
  history_type: string;
  history_user: { id: number; email: string; first_name: string; last_name: string };
  version_name: string;
  id: number;
  agent_name: string;
}
interface HistoryPage {
  count: number;
  next: string | null;
  previous: string | null;
  results: HistoryEntry[];
}
interface Agent {
  name: string;
  description: string;
  updated_at: string;
  knowledge_base_files: { id: number; file_url: string }[];
  dynamic_variables: { name: string; description: string }[];
  telephony: { phone_number: string };
}

const emulator = emulatorForThisFile();

async function history(id: number, query = ''): Promise<HistoryPage> {
  const res = await emulator().api(`/test_framework/v2/aiagents/${id}/history/${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as HistoryPage;
}

async function patchOk(id: number, body: unknown): Promise<Agent> {
  const res = await emulator().api(`/test_framework/v2/aiagents/${id}/`, { method: 'PATCH', body });
  expect(res.status).toBe(200);
  return (await res.json()) as Agent;
}

describe('history', () => {
  it('starts every seeded agent with one "+" version', async () => {
    const list = (await json(await emulator().api('/test_framework/v2/aiagents/?page_size=100'))).results as { id: number; name: string }[];
    for (const agent of list) {
      const page = await history(agent.id);
      expect(page.count, agent.name).toBe(1);
      expect(page.results[0]).toMatchObject({ history_type: '+', id: agent.id, agent_name: agent.name });
    }
  });

  it('records each save as a "~" version, newest first, with the user', async () => {
    await patchOk(102, { name: 'Citas v2' });
    await patchOk(102, { name: 'Citas v3' });
    const page = await history(102);
    expect(page.count).toBe(3);
    expect(page.results.map((h) => h.history_type)).toEqual(['~', '~', '+']);
    expect(page.results.map((h) => h.agent_name)).toEqual(['Citas v3', 'Citas v2', 'Clínica Dental Sonrisa — Citas']);
    const ids = page.results.map((h) => h.history_id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const user = page.results[0]?.history_user;
    expect(typeof user?.id).toBe('number');
    expect(user?.email).toContain('@');
    expect(user?.first_name).toBeTruthy();
    expect(typeof user?.last_name).toBe('string');
    expect(new Set(page.results.map((h) => h.version_name)).size).toBe(3);
  });

  it('paginates history', async () => {
    const page = await history(102, '?page_size=2');
    expect(page.results).toHaveLength(2);
    expect(page.next).toBe('/test_framework/v2/aiagents/102/history/?page_size=2&page=2');
    const second = await history(102, '?page_size=2&page=2');
    expect(second.results.map((h) => h.history_type)).toEqual(['+']);
    expect((await emulator().api('/test_framework/v2/aiagents/102/history/?page=9')).status).toBe(404);
  });
});

describe('restore', () => {
  it('brings back a version’s name, description and collections, as a new version', async () => {
    const original = (await json(await emulator().api('/test_framework/v2/aiagents/101/'))) as unknown as Agent;
    const [first] = (await history(101)).results;
    if (!first) throw new Error('no history');
    const edited = await patchOk(101, {
      name: 'Renamed',
      description: 'New prompt',
      dynamic_variables: [{ name: 'only_one', description: 'x' }],
      knowledge_base_files: [],
      telephony: { phone_number: '+14155550999' },
    });
    expect(edited.knowledge_base_files).toEqual([]);
    const res = await emulator().api('/test_framework/v2/aiagents/101/restore/', { method: 'POST', body: { history_id: first.history_id } });
    expect(res.status).toBe(200);
    const restored = (await res.json()) as Agent;
    expect(restored.name).toBe(original.name);
    expect(restored.description).toBe(original.description);
    expect(restored.dynamic_variables).toEqual(original.dynamic_variables);
    expect(restored.knowledge_base_files).toEqual(original.knowledge_base_files);
    // (assumed) telephony is not versioned: the restore keeps the current number.
    expect(restored.telephony.phone_number).toBe('+14155550999');
    expect(Date.parse(restored.updated_at)).toBeGreaterThan(Date.parse(edited.updated_at));
    const file = await fetch(`${emulator().baseUrl}${restored.knowledge_base_files[0]?.file_url ?? ''}`);
    expect(file.status).toBe(200);
    const page = await history(101);
    expect(page.results[0]).toMatchObject({ history_type: '~', agent_name: original.name });
    expect(page.count).toBe(3);
    expect(await json(await emulator().api('/test_framework/v2/aiagents/101/'))).toEqual(restored);
  });

  it('brings back only the files whose content is still stored', async () => {
    const upload = await patchOk(104, {
      knowledge_base_files: [{ file_name: 'gone.txt', content_base64: Buffer.from('bye').toString('base64') }, { file_name: 'kept.txt', content_base64: Buffer.from('hi').toString('base64') }],
    });
    const version = (await history(104)).results[0]?.history_id;
    await patchOk(104, { knowledge_base_files: [] });
    const gone = upload.knowledge_base_files.find((f) => f.file_url.endsWith('/gone.txt'));
    const blobDir = gone?.file_url.split('/')[2] ?? 'missing';
    await fs.rm(path.join(emulator().dataDir, 'files', blobDir), { recursive: true });
    const res = await emulator().api('/test_framework/v2/aiagents/104/restore/', { method: 'POST', body: { history_id: version } });
    const restored = (await res.json()) as Agent;
    expect(restored.knowledge_base_files.map((f) => f.file_url)).toEqual(upload.knowledge_base_files.filter((f) => f !== gone).map((f) => f.file_url));
  });

  it('answers an unknown or foreign history_id with a DRF field error', async () => {
    const foreign = (await history(103)).results[0]?.history_id;
    for (const body of [{ history_id: 999999 }, { history_id: foreign }]) {
      const res = await emulator().api('/test_framework/v2/aiagents/101/restore/', { method: 'POST', body });
      expect(res.status).toBe(400);
      const errors = await json(res);
      expect(Object.keys(errors)).toEqual(['history_id']);
      expect(errors.history_id).toEqual([expect.any(String)]);
    }
    const missing = await emulator().api('/test_framework/v2/aiagents/101/restore/', { method: 'POST', body: {} });
    expect(await json(missing)).toEqual({ history_id: ['This field is required.'] });
    const wrongType = await emulator().api('/test_framework/v2/aiagents/101/restore/', { method: 'POST', body: { history_id: 'abc' } });
    expect(await json(wrongType)).toEqual({ history_id: ['A valid integer is required.'] });
  });
});
