import { createStore, useStore } from '../utils/create-store';

/**
 * The API key lives in this module's memory only, by design: it is never written to
 * localStorage, sessionStorage, cookies, the URL or the console (secrets never touch disk).
 * A reload therefore asks the user to sign in again.
 */

interface ApiKeyState {
  /** The key requests are sent with; `null` when signed out. */
  apiKey: string | null;
  /** True when the API rejected the key mid-session: the page stays mounted behind the sign-in. */
  expired: boolean;
}

const store = createStore<ApiKeyState>({ apiKey: null, expired: false });

export function getApiKey(): string | null {
  return store.get().apiKey;
}

export function signInWithApiKey(apiKey: string): void {
  store.set({ apiKey, expired: false });
}

/** Explicit sign-out: forget the key and everything shown with it. */
export function signOut(): void {
  store.set({ apiKey: null, expired: false });
}

/** The API answered 401/403 to `rejectedKey`: ask for a key again, keeping the page and its edits. */
export function expireApiKey(rejectedKey: string): void {
  if (store.get().apiKey === rejectedKey) store.set({ apiKey: null, expired: true });
}

/** The current sign-in state; re-renders when the key is set, cleared or rejected. */
export function useApiKeyState(): ApiKeyState {
  return useStore(store);
}
