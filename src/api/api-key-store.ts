import { createStore, useStore } from '../utils/create-store';

/**
 * Where the signed-in API key lives. By default in this tab's sessionStorage: it survives a
 * reload and in-app links, and goes when the tab closes. With "Remember me on this device" it
 * lives in localStorage instead, with an expiry at most 12 hours away, so new tabs start signed
 * in. Never in a cookie, the URL or the console. Signing out clears both, in every open tab.
 * (The strict Content-Security-Policy the app is served with is what keeps scripts that could
 * read storage out.)
 */

export interface ApiKeyState {
  /** The key requests are sent with; `null` when signed out. */
  apiKey: string | null;
  /** True when the API rejected the key mid-session: the page stays mounted behind the sign-in. */
  expired: boolean;
}

/** Where a key is kept: this tab only (sessionStorage) or this device (localStorage, with expiry). */
export type ApiKeyPersistence = 'tab' | 'device';

export interface SignInOptions {
  /** "Remember me on this device": keep the key in localStorage for `REMEMBER_FOR_MS`. */
  remember?: boolean;
}

export const SESSION_STORAGE_KEY = 'cekura.apiKey';
export const LOCAL_STORAGE_KEY = 'cekura.rememberedApiKey';
/** The longest a remembered key stays on the device. */
export const REMEMBER_FOR_MS = 12 * 60 * 60 * 1000;
const CHANNEL_NAME = 'cekura-session';

interface RememberedKey {
  apiKey: string;
  /** Epoch milliseconds after which the key is forgotten. */
  expiresAt: number;
}

type StorageName = 'sessionStorage' | 'localStorage';

/** The storage, or null where there is none or it refuses access (privacy modes, sandboxed frames). */
function storage(name: StorageName): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window[name];
  } catch {
    return null;
  }
}

function read(name: StorageName, key: string): string | null {
  try {
    return storage(name)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(name: StorageName, key: string, value: string): void {
  try {
    storage(name)?.setItem(key, value);
  } catch {
    // Full or refused: the key still works for this page, it just will not survive a reload.
  }
}

function remove(name: StorageName, key: string): void {
  try {
    storage(name)?.removeItem(key);
  } catch {
    // nothing stored, nothing to remove
  }
}

function parseRemembered(raw: string | null): RememberedKey | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { apiKey, expiresAt } = value as Record<string, unknown>;
    if (typeof apiKey !== 'string' || apiKey === '' || typeof expiresAt !== 'number') return null;
    return { apiKey, expiresAt };
  } catch {
    return null;
  }
}

/** The remembered key if it has not expired; an expired or unreadable entry is removed. */
function readRemembered(now = Date.now()): RememberedKey | null {
  const remembered = parseRemembered(read('localStorage', LOCAL_STORAGE_KEY));
  // An entry further away than the limit was not written by this app: do not trust it either.
  if (remembered && remembered.expiresAt > now && remembered.expiresAt <= now + REMEMBER_FOR_MS) return remembered;
  remove('localStorage', LOCAL_STORAGE_KEY);
  return null;
}

function clearStoredKeys(): void {
  remove('sessionStorage', SESSION_STORAGE_KEY);
  remove('localStorage', LOCAL_STORAGE_KEY);
}

const store = createStore<ApiKeyState>({ apiKey: null, expired: false });
/** Where the current key came from; `null` when signed out. */
let persistence: ApiKeyPersistence | null = null;
/** When a remembered key in use expires (epoch ms); `null` for a tab's key. */
let rememberedUntil: number | null = null;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function update(next: ApiKeyState, nextPersistence: ApiKeyPersistence | null): void {
  persistence = next.apiKey === null ? null : nextPersistence;
  rememberedUntil = null;
  clearTimeout(expiryTimer);
  expiryTimer = undefined;
  store.set(next);
}

/** A remembered key reaching its expiry mid-session asks for a key again, keeping the page. */
function scheduleExpiry(remembered: RememberedKey): void {
  rememberedUntil = remembered.expiresAt;
  expiryTimer = setTimeout(forgetIfExpired, Math.max(0, remembered.expiresAt - Date.now()));
}

/** True (and the key forgotten) when the remembered key in use is past its expiry. */
function forgetIfExpired(): boolean {
  if (rememberedUntil === null || Date.now() < rememberedUntil) return false;
  readRemembered(); // removes the expired entry
  update({ apiKey: null, expired: true }, null);
  return true;
}

// --- other tabs: a sign-out anywhere signs out everywhere ---
interface SessionMessage {
  type: 'signed-out';
}

const channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
// Node's BroadcastChannel (tests) would otherwise keep the process alive.
(channel as { unref?: () => void } | null)?.unref?.();
channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (typeof data === 'object' && data !== null && (data as Partial<SessionMessage>).type === 'signed-out') signOutHere();
});

function signOutHere(): void {
  clearStoredKeys();
  if (store.get().apiKey !== null || store.get().expired) update({ apiKey: null, expired: false }, null);
}

// --- start: the tab's own key first, else a remembered one ---
function restore(): void {
  const tabKey = read('sessionStorage', SESSION_STORAGE_KEY);
  if (tabKey !== null && tabKey !== '') {
    update({ apiKey: tabKey, expired: false }, 'tab');
    return;
  }
  const remembered = readRemembered();
  if (remembered) {
    update({ apiKey: remembered.apiKey, expired: false }, 'device');
    scheduleExpiry(remembered);
  }
}
restore();

/** The signed-in key, or `null`. A remembered key past its expiry is forgotten here too. */
export function getApiKey(): string | null {
  forgetIfExpired(); // a sleeping laptop may wake after the timer was due
  return store.get().apiKey;
}

/** Where the current key is kept (`null` when signed out). */
export function getApiKeyPersistence(): ApiKeyPersistence | null {
  return persistence;
}

/**
 * Signs in with a key the API accepted: kept in this tab (sessionStorage), or with
 * `remember` on this device for at most 12 hours (localStorage), never both.
 *
 * @example signInWithApiKey(key, { remember: true })
 */
export function signInWithApiKey(apiKey: string, { remember = false }: SignInOptions = {}): void {
  clearStoredKeys();
  if (remember) {
    const remembered: RememberedKey = { apiKey, expiresAt: Date.now() + REMEMBER_FOR_MS };
    write('localStorage', LOCAL_STORAGE_KEY, JSON.stringify(remembered));
    update({ apiKey, expired: false }, 'device');
    scheduleExpiry(remembered);
  } else {
    write('sessionStorage', SESSION_STORAGE_KEY, apiKey);
    update({ apiKey, expired: false }, 'tab');
  }
}

/** Explicit sign-out: forget the key (memory and both storages) here and in every open tab. */
export function signOut(): void {
  signOutHere();
  channel?.postMessage({ type: 'signed-out' } satisfies SessionMessage);
}

/** The API answered 401/403 to `rejectedKey`: ask for a key again, keeping the page and its edits. */
export function expireApiKey(rejectedKey: string): void {
  if (store.get().apiKey !== rejectedKey) return;
  // A rejected key is not kept for the next reload or tab.
  if (read('sessionStorage', SESSION_STORAGE_KEY) === rejectedKey) remove('sessionStorage', SESSION_STORAGE_KEY);
  if (parseRemembered(read('localStorage', LOCAL_STORAGE_KEY))?.apiKey === rejectedKey) remove('localStorage', LOCAL_STORAGE_KEY);
  update({ apiKey: null, expired: true }, null);
}

/**
 * The user asks to sign in with another key (the current one has no access to something): the
 * sign-in opens over the page as when a key expires, keeping the page and its edits.
 */
export function askForAnotherKey(): void {
  const { apiKey } = store.get();
  if (apiKey !== null) expireApiKey(apiKey);
}

/** The current sign-in state; re-renders when the key is set, cleared or rejected. */
export function useApiKeyState(): ApiKeyState {
  return useStore(store);
}
