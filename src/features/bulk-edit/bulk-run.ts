import type { ApiAgent } from '../../agent/api-schema';
import { mapDrfErrors } from '../../agent/drf-errors';
import { fieldAt } from '../../agent/field-catalogue';
import type { AgentWrite } from '../../agent/write-types';
import { ApiError } from '../../api/client';
import { createStore } from '../../utils/create-store';
import type { ReadableStore } from '../../utils/create-store';

/**
 * Runs one PATCH per agent, a few at a time: each agent is read just before its PATCH (so its
 * collections are current) and its body built from that; a 429 pauses every worker for its
 * `Retry-After` and then re-reads and re-builds; Cancel lets the requests in flight finish and
 * starts no other. An agent is never sent twice: a saved one is never run again, and a retried
 * one is read again first (a change that landed builds no body).
 */

export type AgentRunStatus = 'waiting' | 'working' | 'saved' | 'skipped' | 'failed' | 'not-sent';

export interface AgentRunResult {
  id: number;
  status: AgentRunStatus;
  /** Why it failed (the server's message), or that it waits after a 429. */
  message?: string;
  /** The agent as read just before its PATCH, the body sent and the answer (saved only). */
  before?: ApiAgent;
  sent?: AgentWrite;
  after?: ApiAgent;
}

export interface BulkRunState {
  running: boolean;
  /** Cancel was pressed during the current run. */
  cancelled: boolean;
  results: readonly AgentRunResult[];
}

export interface BulkRunDeps {
  read: (id: number) => Promise<ApiAgent>;
  send: (id: number, patch: AgentWrite) => Promise<ApiAgent>;
  /** Resolves after `ms` (a 429's back-off). */
  wait: (ms: number) => Promise<void>;
}

export interface BulkRunOptions {
  /** Requests at a time. */
  concurrency?: number;
  /** 429 answers one agent may get before it counts as failed. */
  rateLimitRetries?: number;
}

/** The body for an agent as it is now; `null` when nothing would change (skipped). May throw: failed, with its message. */
export type BuildPatch = (latest: ApiAgent) => AgentWrite | null;

export interface BulkRun {
  store: ReadableStore<BulkRunState>;
  /** Runs every agent still waiting (the first run). */
  start: () => Promise<void>;
  /** Runs the failed agents again. */
  retryFailed: () => Promise<void>;
  /** Starts no agent after the ones in flight. */
  cancel: () => void;
}

/** The state of no run (for readers that may have none yet). */
export const NO_RUN: ReadableStore<BulkRunState> = createStore<BulkRunState>({ running: false, cancelled: false, results: [] });

/** The server's message for a failed request: DRF field messages with the catalogue's labels, else its detail. */
export function failureMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 400) {
    const messages = mapDrfErrors(error.body).map(({ path, message }) => {
      const label = path === 'root' ? '' : (fieldAt(path)?.title ?? path);
      return label === '' ? message : `${label}: ${message}`;
    });
    if (messages.length > 0) return messages.join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** A back-off without `Retry-After`: 1 s, 2 s, 4 s … at most 30 s. */
const backoffMs = (attempt: number) => Math.min(1000 * 2 ** attempt, 30_000);

/**
 * A bulk run over `ids` (in that order) with `build` making each body.
 *
 * @example const run = createBulkRun([1, 2, 3], (agent) => buildBulkPatch(spec, agent), { read: readLatestAgent, send: patchAgent, wait }); await run.start()
 */
export function createBulkRun(ids: readonly number[], build: BuildPatch, deps: BulkRunDeps, options: BulkRunOptions = {}): BulkRun {
  const { concurrency = 3, rateLimitRetries = 5 } = options;
  const store = createStore<BulkRunState>({ running: false, cancelled: false, results: ids.map((id) => ({ id, status: 'waiting' })) });
  let pause: Promise<void> = Promise.resolve();

  const update = (id: number, next: Omit<AgentRunResult, 'id'>) =>
    store.set((state) => ({ ...state, results: state.results.map((r) => (r.id === id ? { id, ...next } : r)) }));

  async function runOne(id: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await pause;
      // Cancelled while it waited out a 429: nothing of it went out in this attempt.
      if (attempt > 0 && store.get().cancelled) return update(id, { status: 'not-sent', message: 'Cancelled before it was sent' });
      update(id, { status: 'working' });
      try {
        const latest = await deps.read(id);
        const patch = build(latest);
        if (patch === null) return update(id, { status: 'skipped' });
        const after = await deps.send(id, patch);
        return update(id, { status: 'saved', before: latest, sent: patch, after });
      } catch (error) {
        if (error instanceof ApiError && error.status === 429 && attempt < rateLimitRetries) {
          const ms = error.retryAfterMs ?? backoffMs(attempt);
          update(id, { status: 'waiting', message: `Too many requests: trying again in ${Math.ceil(ms / 1000)} s` });
          const previous = pause;
          pause = Promise.all([previous, deps.wait(ms)]).then(() => undefined);
          continue;
        }
        return update(id, { status: 'failed', message: failureMessage(error) });
      }
    }
  }

  async function run(queue: number[]): Promise<void> {
    if (store.get().running || queue.length === 0) return;
    store.set((state) => ({ ...state, running: true, cancelled: false }));
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (store.get().cancelled) {
          queue.unshift(id);
          return;
        }
        await runOne(id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    const notSent = new Set(queue);
    store.set((state) => ({
      ...state,
      running: false,
      results: state.results.map((r) => (notSent.has(r.id) ? { id: r.id, status: 'not-sent', message: 'Cancelled before it was sent' } : r)),
    }));
  }

  const withStatus = (status: AgentRunStatus) => store.get().results.filter((r) => r.status === status).map((r) => r.id);

  return {
    store,
    start: () => run(withStatus('waiting')),
    retryFailed: () => {
      const failed = withStatus('failed');
      if (store.get().running) return Promise.resolve();
      for (const id of failed) update(id, { status: 'waiting' });
      return run(failed);
    },
    cancel: () => {
      if (store.get().running) store.set((state) => ({ ...state, cancelled: true }));
    },
  };
}
