import { describe, expect, it, vi } from 'vitest';
import type { ApiAgent } from '../../../agent/api-schema';
import { buildBulkPatch, EMPTY_BULK_EDIT } from '../../../agent/bulk-patch';
import type { AgentWrite } from '../../../agent/write-types';
import { ApiError } from '../../../api/client';
import { sampleAgent } from '../../../testing/fixtures';
import { createBulkRun, failureMessage } from '../bulk-run';
import type { BulkRunDeps } from '../bulk-run';

const URL = 'https://hooks.example.com/moved';
const build = (agent: ApiAgent) => buildBulkPatch({ ...EMPTY_BULK_EDIT, fields: { webhook_url: URL } }, agent);

/** A server of agents whose PATCH answers the test releases one by one. */
function fakeServer(ids: number[]) {
  const agents = new Map(ids.map((id) => [id, sampleAgent({ id, name: `Agent ${id}` })] as const));
  const reads: number[] = [];
  const sends: { id: number; patch: AgentWrite; answer: (error?: Error) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const waits: { ms: number; done: () => void }[] = [];
  const deps: BulkRunDeps = {
    read: (id) => {
      reads.push(id);
      return Promise.resolve(structuredClone(agents.get(id) as ApiAgent));
    },
    send: (id, patch) =>
      new Promise((resolve, reject) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        sends.push({
          id,
          patch,
          answer: (error) => {
            inFlight--;
            if (error) return reject(error);
            const after = { ...(agents.get(id) as ApiAgent), ...(patch as object), updated_at: `2026-02-0${sends.length}T00:00:00Z` };
            agents.set(id, after);
            resolve(after);
          },
        });
      }),
    wait: (ms) => new Promise((done) => waits.push({ ms, done })),
  };
  return { deps, agents, reads, sends, waits, maxInFlight: () => maxInFlight };
}

describe('createBulkRun', () => {
  it('reads each agent just before its PATCH, at most 3 at a time, and saves each once', async () => {
    const server = fakeServer([1, 2, 3, 4, 5]);
    const run = createBulkRun([1, 2, 3, 4, 5], build, server.deps);
    const done = run.start();
    await vi.waitFor(() => expect(server.sends).toHaveLength(3));
    expect(server.reads).toEqual([1, 2, 3]);
    for (let answered = 0; answered < 5; answered++) {
      await vi.waitFor(() => expect(server.sends.length).toBeGreaterThan(answered));
      server.sends[answered]?.answer();
    }
    await done;
    expect(server.maxInFlight()).toBe(3);
    expect(server.sends.map((s) => s.id)).toEqual([1, 2, 3, 4, 5]);
    expect(server.sends.every((s) => JSON.stringify(s.patch) === JSON.stringify({ webhook_url: URL }))).toBe(true);
    const results = run.store.get().results;
    expect(results.map((r) => r.status)).toEqual(['saved', 'saved', 'saved', 'saved', 'saved']);
    expect(results[0]?.before?.webhook_url).toBe('https://hooks.example.com/cekura');
    expect(results[0]?.after?.webhook_url).toBe(URL);
    expect(run.store.get().running).toBe(false);
  });

  it('skips an agent with nothing to change, says the server’s message for a failure, and Retry failed sends only that one again', async () => {
    const server = fakeServer([1, 2, 3]);
    server.agents.set(2, { ...(server.agents.get(2) as ApiAgent), webhook_url: URL });
    const run = createBulkRun([1, 2, 3], build, server.deps);
    const done = run.start();
    await vi.waitFor(() => expect(server.sends).toHaveLength(2));
    server.sends[0]?.answer(new ApiError(500, 'The Cekura API failed (500); try again'));
    server.sends[1]?.answer();
    await done;
    expect(run.store.get().results).toEqual([
      { id: 1, status: 'failed', message: 'The Cekura API failed (500); try again' },
      { id: 2, status: 'skipped' },
      expect.objectContaining({ id: 3, status: 'saved' }),
    ]);

    const retried = run.retryFailed();
    await vi.waitFor(() => expect(server.sends).toHaveLength(3));
    expect(server.sends[2]?.id).toBe(1);
    server.sends[2]?.answer();
    await retried;
    expect(server.reads.filter((id) => id === 1)).toHaveLength(2);
    expect(run.store.get().results.map((r) => r.status)).toEqual(['saved', 'skipped', 'saved']);
  });

  it('Cancel lets the requests in flight finish and sends no other agent', async () => {
    const server = fakeServer([1, 2, 3, 4, 5]);
    const run = createBulkRun([1, 2, 3, 4, 5], build, server.deps);
    const done = run.start();
    await vi.waitFor(() => expect(server.sends).toHaveLength(3));
    run.cancel();
    for (const send of server.sends) send.answer();
    await done;
    expect(server.sends).toHaveLength(3);
    expect(run.store.get().results.map((r) => r.status)).toEqual(['saved', 'saved', 'saved', 'not-sent', 'not-sent']);
    expect(server.reads).toEqual([1, 2, 3]);
  });

  it('waits out a 429 for its Retry-After, then reads the agent again and sends it once', async () => {
    const server = fakeServer([1]);
    const run = createBulkRun([1], build, server.deps);
    const done = run.start();
    await vi.waitFor(() => expect(server.sends).toHaveLength(1));
    server.sends[0]?.answer(new ApiError(429, 'Too many requests', null, 3000));
    await vi.waitFor(() => expect(server.waits).toHaveLength(1));
    expect(server.waits[0]?.ms).toBe(3000);
    expect(run.store.get().results[0]).toEqual({ id: 1, status: 'waiting', message: 'Too many requests: trying again in 3 s' });
    expect(server.sends).toHaveLength(1);
    server.waits[0]?.done();
    await vi.waitFor(() => expect(server.sends).toHaveLength(2));
    server.sends[1]?.answer();
    await done;
    expect(server.reads).toEqual([1, 1]);
    expect(run.store.get().results[0]?.status).toBe('saved');
  });

  it('names the fields of a 400 with the catalogue’s labels', () => {
    expect(failureMessage(new ApiError(400, 'Some values were not accepted', { webhook_url: ['Enter a valid URL.'] }))).toBe('Webhook URL: Enter a valid URL.');
    expect(failureMessage(new ApiError(404, 'Not found.'))).toBe('Not found.');
  });
});
