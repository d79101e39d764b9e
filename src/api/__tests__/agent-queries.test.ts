import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiAgent } from '../../agent/api-schema';
import { agentQueries } from '../agent-queries';
import { signInWithApiKey, signOut } from '../api-key-store';
import { sampleAgent } from '../../testing/fixtures';
import { jsonResponse, stubFetch } from '../../testing/stub-fetch';

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('agentQueries.detail', () => {
  it('keeps the cached objects when the same version is read again, and caches a newer version as it came', async () => {
    let answer: ApiAgent = sampleAgent();
    stubFetch({ 'GET /test_framework/v2/aiagents/42/': () => jsonResponse(answer) });
    signInWithApiKey('k1');
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } });
    const { queryKey } = agentQueries.detail(42);
    // What the cache holds (what the editor renders), after each read.
    const read = async () => {
      await client.query(agentQueries.detail(42));
      const cached = client.getQueryData(queryKey);
      if (cached === undefined) throw new Error('nothing cached');
      return cached;
    };
    const first = await read();
    expect(await read()).toBe(first);

    answer = { ...answer, name: 'Renamed', updated_at: '2026-03-01T00:00:00Z' };
    const newer = await read();
    expect(newer.name).toBe('Renamed');
    // Not matched against the old version: even its unchanged items are the new answer's.
    expect(newer.dynamic_variables).toEqual(first.dynamic_variables);
    expect(newer.dynamic_variables).not.toBe(first.dynamic_variables);

    // A save's answer put in the cache is cached as it is.
    const saved = { ...newer, description: 'Saved', updated_at: '2026-03-02T00:00:00Z' };
    client.setQueryData(queryKey, saved);
    expect(client.getQueryData(queryKey)).toBe(saved);
  });
});
