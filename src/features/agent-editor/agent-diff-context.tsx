import { createContext, useContext, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { buildAgentPatch } from '../../agent/build-agent-patch';
import type { AgentFormValues } from '../../agent/form-schema';
import type { AgentWrite } from '../../agent/write-types';

const AgentDiffContext = createContext<AgentWrite>({});

/**
 * The PATCH the form would send now: the value diff against the agent as loaded. It is derived
 * after each keystroke has been painted (a deferred value), so a long agent stays responsive;
 * saving always recomputes it from the current values.
 */
export function AgentDiffProvider({ baseline, children }: { baseline: ApiAgent; children: ReactNode }) {
  const { watch, getValues } = useFormContext<AgentFormValues>();
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const subscription = watch(() => setRevision((r) => r + 1));
    return () => subscription.unsubscribe();
  }, [watch]);
  const deferredRevision = useDeferredValue(revision);
  // `deferredRevision` only says when to recompute: the values are read whole from the form.
  const patch = useMemo(
    () => (deferredRevision >= 0 ? buildAgentPatch(baseline, getValues()) : {}),
    [baseline, getValues, deferredRevision],
  );
  return <AgentDiffContext value={patch}>{children}</AgentDiffContext>;
}

/** The current minimal PATCH (`{}` when nothing differs from the loaded agent). */
export function useAgentDiff(): AgentWrite {
  return useContext(AgentDiffContext);
}

/** True when the form differs from the loaded agent. */
export function useHasChanges(): boolean {
  return Object.keys(useAgentDiff()).length > 0;
}
