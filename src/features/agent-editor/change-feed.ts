import type { UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { buildAgentPatch } from '../../agent/build-agent-patch';
import { deepEqual } from '../../agent/deep-equal';
import type { AgentFormValues } from '../../agent/form-schema';
import type { AgentWrite } from '../../agent/write-types';
import { createStore } from '../../utils/create-store';

/**
 * The editor's one change feed: one subscription to the form (react-hook-form's public
 * `form.subscribe`), one PATCH computed per change, read by every part of the editor that
 * needs to know what changed (save bar, tab marks, leave guard, server-change notice, review,
 * drafts). A change is computed in its own task just after the edit (changes in one task are
 * coalesced), so a keystroke's own handlers do no diffing.
 */
export interface AgentChangeFeed {
  /** The PATCH the form would send now: the value diff against the baseline (`{}` when none). */
  getPatch: () => AgentWrite;
  /** Called after the PATCH changed (not on edits that leave it as it was). */
  subscribe: (listener: () => void) => () => void;
  /** The agent the diff is taken against (as loaded, then as last saved or merged). */
  getBaseline: () => ApiAgent;
  setBaseline: (baseline: ApiAgent) => void;
  /** Starts listening to the form; returns the function that stops it. */
  connect: () => () => void;
}

export function createAgentChangeFeed(form: UseFormReturn<AgentFormValues>, initialBaseline: ApiAgent): AgentChangeFeed {
  let baseline = initialBaseline;
  const patch = createStore(buildAgentPatch(baseline, form.getValues()), { equals: deepEqual });
  let scheduled: ReturnType<typeof setTimeout> | undefined;

  const compute = () => {
    if (scheduled !== undefined) clearTimeout(scheduled);
    scheduled = undefined;
    patch.set(buildAgentPatch(baseline, form.getValues()));
  };
  const schedule = () => {
    scheduled ??= setTimeout(compute, 0);
  };

  return {
    getPatch: patch.get,
    subscribe: patch.subscribe,
    getBaseline: () => baseline,
    setBaseline: (next) => {
      if (next === baseline) return;
      baseline = next;
      schedule();
    },
    connect: () => {
      // Values, plus errors: a field-array operation or a reset reports its errors, not its
      // values. (Not isDirty: tracking it makes react-hook-form compare the whole form per key.)
      const unsubscribe = form.subscribe({
        formState: { values: true, errors: true },
        callback: schedule,
      });
      compute();
      return () => {
        unsubscribe();
        if (scheduled !== undefined) clearTimeout(scheduled);
        scheduled = undefined;
      };
    },
  };
}
