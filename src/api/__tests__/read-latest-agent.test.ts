import { afterEach, describe, expect, it, vi } from 'vitest';
import { signInWithApiKey, signOut } from '../api-key-store';
import { readLatestAgent } from '../read-latest-agent';
import { sampleAgent } from '../../testing/fixtures';
import { jsonResponse, stubFetch } from '../../testing/stub-fetch';

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('readLatestAgent', () => {
  const known = sampleAgent();

  it('gives back the version the caller holds while the server still has it (not parsed again)', async () => {
    // The same version: what the caller holds is that answer (this one differs only to tell them apart).
    stubFetch({ 'GET /test_framework/v2/aiagents/42/': () => jsonResponse({ ...known, name: 'As answered' }) });
    signInWithApiKey('k1');
    await expect(readLatestAgent(42, undefined, known)).resolves.toBe(known);
    await expect(readLatestAgent(42)).resolves.toMatchObject({ name: 'As answered' });
  });

  it('parses a newer version in full', async () => {
    const newer = { ...known, name: 'Saved by a colleague', updated_at: '2026-02-01T00:00:00Z' };
    stubFetch({ 'GET /test_framework/v2/aiagents/42/': () => jsonResponse(newer) });
    signInWithApiKey('k1');
    const latest = await readLatestAgent(42, undefined, known);
    expect(latest).not.toBe(known);
    expect(latest).toMatchObject({ name: 'Saved by a colleague', updated_at: '2026-02-01T00:00:00Z' });
  });
});
