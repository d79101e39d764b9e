import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createStore, useStore } from '../create-store';

describe('createStore', () => {
  it('holds the state, takes a value or an updater, and tells its listeners', () => {
    const store = createStore(1);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set(2);
    store.set((n) => n * 10);
    expect(store.get()).toBe(20);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.set(3);
    expect(store.get()).toBe(3);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('tells nobody when the value does not change, by Object.is or the given equality', () => {
    const same = createStore({ a: 1 });
    const listener = vi.fn();
    same.subscribe(listener);
    same.set((s) => s);
    expect(listener).not.toHaveBeenCalled();
    same.set({ a: 1 });
    expect(listener).toHaveBeenCalledOnce();

    const byValue = createStore({ a: 1 }, { equals: (x, y) => x.a === y.a });
    const quiet = vi.fn();
    byValue.subscribe(quiet);
    const before = byValue.get();
    byValue.set({ a: 1 });
    expect(quiet).not.toHaveBeenCalled();
    expect(byValue.get()).toBe(before);
    byValue.set({ a: 2 });
    expect(quiet).toHaveBeenCalledOnce();
  });
});

describe('useStore', () => {
  it('re-renders its reader with the state, or only when the selected part changes', () => {
    const store = createStore({ count: 0, label: 'a' });
    const renders = { whole: 0, count: 0 };
    function Whole() {
      renders.whole += 1;
      const state = useStore(store);
      return <p>whole {`${state.label}${state.count}`}</p>;
    }
    function Count() {
      renders.count += 1;
      return <p>count {useStore(store, (s) => s.count)}</p>;
    }
    render(
      <>
        <Whole />
        <Count />
      </>,
    );
    expect(screen.getByText('whole a0')).toBeInTheDocument();
    expect(screen.getByText('count 0')).toBeInTheDocument();

    act(() => store.set((s) => ({ ...s, label: 'b' })));
    expect(screen.getByText('whole b0')).toBeInTheDocument();
    expect(renders).toEqual({ whole: 2, count: 1 });

    act(() => store.set((s) => ({ ...s, count: 5 })));
    expect(screen.getByText('count 5')).toBeInTheDocument();
    expect(renders).toEqual({ whole: 3, count: 2 });
  });
});
