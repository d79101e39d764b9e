import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LOCAL_STORAGE_KEY,
  REMEMBER_FOR_MS,
  SESSION_STORAGE_KEY,
  expireApiKey,
  getApiKey,
  getApiKeyPersistence,
  signInWithApiKey,
  signOut,
  useApiKeyState,
} from '../api-key-store';

afterEach(() => {
  signOut();
  vi.useRealTimers();
});

/** Loads a fresh copy of the store, as a reload or a new tab does, over the current storages. */
async function reloadStore(): Promise<typeof import('../api-key-store')> {
  vi.resetModules();
  return import('../api-key-store');
}

describe('the API key store', () => {
  it('keeps a key in sessionStorage only by default, and a reload finds it', async () => {
    signInWithApiKey('tab-key');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe('tab-key');
    expect(localStorage.getItem(LOCAL_STORAGE_KEY)).toBeNull();
    expect(getApiKeyPersistence()).toBe('tab');

    const reloaded = await reloadStore();
    expect(reloaded.getApiKey()).toBe('tab-key');
    reloaded.signOut();
  });

  it('remembers a key in localStorage for 12 hours, for new tabs, and forgets it after', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date('2026-03-02T08:00:00Z'));
    signInWithApiKey('device-key', { remember: true });
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(JSON.parse(localStorage.getItem(LOCAL_STORAGE_KEY) ?? 'null')).toEqual({
      apiKey: 'device-key',
      expiresAt: Date.parse('2026-03-02T20:00:00Z'),
    });

    // A new tab (empty sessionStorage) starts signed in with it.
    const newTab = await reloadStore();
    expect(newTab.getApiKey()).toBe('device-key');
    expect(newTab.getApiKeyPersistence()).toBe('device');
    const { result } = renderHook(() => newTab.useApiKeyState());

    act(() => {
      vi.advanceTimersByTime(REMEMBER_FOR_MS);
    });
    // The page stays (expired, not signed out) so unsaved edits survive; the key is gone everywhere.
    expect(result.current).toEqual({ apiKey: null, expired: true });
    expect(localStorage.getItem(LOCAL_STORAGE_KEY)).toBeNull();
    expect((await reloadStore()).getApiKey()).toBeNull();
  });

  it('does not trust a remembered entry that is expired, unreadable or further away than 12 hours', async () => {
    const now = Date.now();
    for (const entry of [
      JSON.stringify({ apiKey: 'old', expiresAt: now - 1 }),
      JSON.stringify({ apiKey: 'far', expiresAt: now + REMEMBER_FOR_MS + 60_000 }),
      '{not json',
      JSON.stringify({ apiKey: 42, expiresAt: now + 1000 }),
    ]) {
      localStorage.setItem(LOCAL_STORAGE_KEY, entry);
      expect((await reloadStore()).getApiKey()).toBeNull();
      expect(localStorage.getItem(LOCAL_STORAGE_KEY)).toBeNull();
    }
  });

  it('signing out clears memory and both storages', () => {
    signInWithApiKey('device-key', { remember: true });
    sessionStorage.setItem(SESSION_STORAGE_KEY, 'stale');
    signOut();
    expect(getApiKey()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(localStorage.getItem(LOCAL_STORAGE_KEY)).toBeNull();
  });

  it('a key the API rejected is not kept for the next reload', async () => {
    signInWithApiKey('revoked', { remember: true });
    expireApiKey('revoked');
    expect(localStorage.getItem(LOCAL_STORAGE_KEY)).toBeNull();
    expect((await reloadStore()).getApiKey()).toBeNull();
  });

  it('a sign-out in another tab (its broadcast) signs this tab out', async () => {
    signInWithApiKey('tab-key');
    const { result } = renderHook(() => useApiKeyState());
    expect(result.current.apiKey).toBe('tab-key');

    const otherTab = new BroadcastChannel('cekura-session');
    otherTab.postMessage({ type: 'signed-out' });
    otherTab.close();

    await vi.waitFor(() => expect(result.current).toEqual({ apiKey: null, expired: false }));
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
