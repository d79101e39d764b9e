import { useSyncExternalStore } from 'react';

/** What readers of a store need: the current state and a change signal. */
export interface ReadableStore<T> {
  get: () => T;
  /** Calls `listener` after each change; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
}

export interface Store<T> extends ReadableStore<T> {
  /** Replaces the state (or derives it from the current one); listeners run unless it is `equals` to the current. */
  set: (next: T | ((current: T) => T)) => void;
}

interface StoreOptions<T> {
  /** When a `set` counts as no change (no listener runs). `Object.is` unless given. */
  equals?: (a: T, b: T) => boolean;
}

/**
 * A tiny external store: state outside React that components read with `useStore`, so only
 * its readers re-render when it changes. Treat the state as immutable: `set` a new value (not a
 * function: a function passed to `set` is an updater).
 *
 * @example const counter = createStore(0); counter.set((n) => n + 1); counter.get() // → 1
 */
export function createStore<T>(initial: T, { equals = Object.is }: StoreOptions<T> = {}): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (next) => {
      const value = typeof next === 'function' ? (next as (current: T) => T)(state) : next;
      if (equals(value, state)) return;
      state = value;
      listeners.forEach((listener) => listener());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The store's state, or the part `select` picks; re-renders when that changes. `select` must
 * return a part of the state (or a primitive), not a new object each call.
 *
 * @example const files = useStore(uploads, (s) => s.files)
 */
export function useStore<T>(store: ReadableStore<T>): T;
export function useStore<T, S>(store: ReadableStore<T>, select: (state: T) => S): S;
export function useStore<T, S>(store: ReadableStore<T>, select?: (state: T) => S): T | S {
  const snapshot = (): T | S => (select ? select(store.get()) : store.get());
  return useSyncExternalStore(store.subscribe, snapshot, snapshot);
}
