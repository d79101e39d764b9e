import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { buildAgentPatch } from '../../agent/build-agent-patch';
import { deepEqual } from '../../agent/deep-equal';
import type { AgentFormValues } from '../../agent/form-schema';
import type { AgentWrite } from '../../agent/write-types';
import { subscribeToFormChanges } from './form-changes';

/** The current PATCH, as a tiny external store: its readers re-render, the form's tree does not. */
interface DiffStore {
  get: () => AgentWrite;
  set: (patch: AgentWrite) => void;
  subscribe: (listener: () => void) => () => void;
}

function createDiffStore(initial: AgentWrite): DiffStore {
  let patch = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => patch,
    set: (next) => {
      if (deepEqual(next, patch)) return;
      patch = next;
      listeners.forEach((listener) => listener());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const AgentDiffContext = createContext<DiffStore>(createDiffStore({}));

/**
 * Keeps the PATCH the form would send now: the value diff against the agent as loaded. It is
 * recomputed in its own task just after each change (coalesced), so a keystroke on a long agent
 * does no more work than on a short one; saving always recomputes it from the current values.
 */
export function AgentDiffProvider({ baseline, children }: { baseline: ApiAgent; children: ReactNode }) {
  const { control, getValues } = useFormContext<AgentFormValues>();
  const [store] = useState(() => createDiffStore(buildAgentPatch(baseline, getValues())));

  useEffect(() => {
    let scheduled: ReturnType<typeof setTimeout> | undefined;
    const compute = () => {
      scheduled = undefined;
      store.set(buildAgentPatch(baseline, getValues()));
    };
    compute();
    const unsubscribe = subscribeToFormChanges(control, () => {
      scheduled ??= setTimeout(compute, 0);
    });
    return () => {
      unsubscribe();
      if (scheduled !== undefined) clearTimeout(scheduled);
    };
  }, [baseline, control, getValues, store]);

  return <AgentDiffContext value={store}>{children}</AgentDiffContext>;
}

/** The current minimal PATCH (`{}` when nothing differs from the loaded agent). */
export function useAgentDiff(): AgentWrite {
  const store = useContext(AgentDiffContext);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** True when the form differs from the loaded agent. */
export function useHasChanges(): boolean {
  return Object.keys(useAgentDiff()).length > 0;
}
