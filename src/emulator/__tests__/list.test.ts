// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emulatorForThisFile, json } from './emulator-server';

interface AgentList {
  count: number;
  next: string | null;
  previous: string | null;
  results: { id: number; name: string; project: number }[];
}

const emulator = emulatorForThisFile();

async function list(query: string): Promise<AgentList> {
  const res = await emulator().api(`/test_framework/v2/aiagents/${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AgentList;
}

describe('GET /test_framework/v2/aiagents/', () => {
  it('lists every agent ordered by id, 10 a page by default', async () => {
    const page = await list('');
    expect(page.count).toBeGreaterThanOrEqual(7);
    expect(page.results.length).toBe(Math.min(10, page.count));
    const ids = page.results.map((a) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('searches names case-insensitively', async () => {
    const page = await list('?q=BISTRO');
    expect(page.results.map((a) => a.name)).toEqual(['Réservations Bistro Lumière']);
    expect(page.count).toBe(1);
    expect((await list('?q=no-such-agent-name')).count).toBe(0);
  });

  it('matches a numeric q against the id as well as names', async () => {
    const page = await list('?q=103');
    expect(page.results.map((a) => a.id)).toEqual([103]);
    const large = await list('?q=Large load-test');
    expect(large.count).toBe(1);
    const byId = await list(`?q=${large.results[0]?.id ?? -1}`);
    expect(byId.results[0]?.name).toBe('Large load-test agent');
  });

  it('filters by project_id and combines with q', async () => {
    const all = await list('?page_size=100');
    const inTwo = await list('?project_id=2&page_size=100');
    expect(inTwo.count).toBe(all.results.filter((a) => a.project === 2).length);
    expect(inTwo.count).toBeGreaterThan(0);
    expect(inTwo.results.every((a) => a.project === 2)).toBe(true);
    const combined = await list('?project_id=2&q=stadtwerke');
    expect(combined.results.map((a) => a.name)).toEqual(['Stadtwerke Kundenservice']);
    expect((await list('?project_id=1&q=stadtwerke')).count).toBe(0);
  });

  it('rejects a project_id that is not a number', async () => {
    const res = await emulator().api('/test_framework/v2/aiagents/?project_id=abc');
    expect(res.status).toBe(400);
    expect(await json(res)).toHaveProperty('project_id');
  });

  it('paginates with next/previous links that keep the other parameters', async () => {
    const first = await list('?page_size=3&q=e');
    expect(first.count).toBeGreaterThan(3);
    expect(first.results).toHaveLength(3);
    expect(first.previous).toBeNull();
    expect(first.next).toBe('/test_framework/v2/aiagents/?page_size=3&q=e&page=2');
    const second = await list(first.next?.replace('/test_framework/v2/aiagents/', '') ?? '');
    expect(second.previous).toBe('/test_framework/v2/aiagents/?page_size=3&q=e');
    expect(second.results[0]?.id).toBeGreaterThan(first.results[2]?.id ?? Infinity);
    const seen = new Set([...first.results, ...second.results].map((a) => a.id));
    expect(seen.size).toBe(6);
  });

  it('returns no next link on the last page and supports page=last', async () => {
    const last = await list('?page_size=3&page=last');
    expect(last.next).toBeNull();
    expect(last.results.length).toBe(last.count % 3 || 3);
  });

  it('caps page_size at 100 and ignores a bad one', async () => {
    const big = await list('?page_size=1000');
    expect(big.results.length).toBe(Math.min(100, big.count));
    const bad = await list('?page_size=zero');
    expect(bad.results.length).toBe(Math.min(10, bad.count));
  });

  it('answers 404 Invalid page. for a page out of range or not a number', async () => {
    for (const page of ['99', '0', 'abc', '-1']) {
      const res = await emulator().api(`/test_framework/v2/aiagents/?page=${page}`);
      expect(res.status, page).toBe(404);
      expect(await json(res)).toEqual({ detail: 'Invalid page.' });
    }
  });

  it('answers page 1 of an empty result', async () => {
    const page = await list('?q=zzzz&page=1');
    expect(page).toEqual({ count: 0, next: null, previous: null, results: [] });
  });
});
