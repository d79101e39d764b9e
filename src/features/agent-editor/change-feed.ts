import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { buildAgentPatchPart, joinAgentPatchParts } from '../../agent/build-agent-patch';
import { deepEqual } from '../../agent/deep-equal';
import { formItemLists } from '../../agent/field-catalogue';
import type { AgentFormValues } from '../../agent/form-schema';
import { WRITTEN_FORM_KEYS } from '../../agent/mapping';
import type { WrittenFormKey } from '../../agent/mapping';
import type { AgentWrite } from '../../agent/write-types';
import { createStore } from '../../utils/create-store';

/**
 * The editor's one change feed: one subscription to the form (react-hook-form's public
 * `form.subscribe`), one PATCH computed per change, read by every part of the editor that
 * needs to know what changed (save bar, tab marks, leave guard, server-change notice, review,
 * drafts). A change is computed in its own task just after the edit (changes in one task are
 * coalesced), so a keystroke's own handlers do no diffing. Only the top-level part an edit
 * touched is diffed again (react-hook-form names the field); the other parts' patches are
 * reused, so a keystroke in one field costs the same on a large agent as on a small one.
 */
export interface AgentChangeFeed {
  /** The PATCH the form would send now: the value diff against the baseline (`{}` when none). */
  getPatch: () => AgentWrite;
  /** Called after the PATCH changed (not on edits that leave it as it was). */
  subscribe: (listener: () => void) => () => void;
  /** The agent the diff is taken against (as loaded, then as last saved or merged). */
  getBaseline: () => ApiAgent;
  setBaseline: (baseline: ApiAgent) => void;
  /** The PATCH now, with an edit not yet diffed (same task) diffed first: what a save sends. */
  getPatchNow: () => AgentWrite;
  /**
   * The form now holds exactly `baseline` as loaded (a save's answer): the PATCH is `{}`, set
   * without diffing the whole form again. Call it after resetting the form to that agent.
   */
  settle: (baseline: ApiAgent) => void;
  /**
   * A field's value was changed by an input (or by code) at `name`. Every editor control calls
   * it after its change (`form-controls.tsx`); field-array operations and resets reach the feed
   * through its form subscription. See `connect` for why inputs tell the feed themselves.
   */
  edited: (name: string) => void;
  /**
   * Listens to every edit as it happens, with the field's name (`undefined`: a reset or another
   * change of the whole form). For readers of one part of the form (the placeholders, the
   * variable names) that must not subscribe to the form's values themselves.
   */
  onEdit: (listener: (name: string | undefined) => void) => () => void;
  /** Starts listening to the form; returns the function that stops it. */
  connect: () => () => void;
}

const WRITTEN = new Set<string>(WRITTEN_FORM_KEYS);

/** The top-level form key an edit of `name` (`dynamic_variables.3.description`) falls under. */
function writtenKeyOf(name: string): WrittenFormKey | undefined {
  const top = name.split('.', 1)[0] ?? '';
  return WRITTEN.has(top) ? (top as WrittenFormKey) : undefined;
}

export function createAgentChangeFeed(form: UseFormReturn<AgentFormValues>, initialBaseline: ApiAgent): AgentChangeFeed {
  let baseline = initialBaseline;
  const parts = new Map<WrittenFormKey, unknown>();
  /**
   * Each part's value as last diffed, by reference. A change that names no field re-diffs only
   * the parts whose value was replaced: a reset replaces every part (react-hook-form copies the
   * values it is given), while a notice that changes no value (a submit's or a check's errors)
   * replaces none, and costs no diff of a large agent at all. An edit inside a part names its
   * field, so it never relies on this.
   */
  const diffed = new Map<WrittenFormKey, unknown>();
  const diffPart = (values: AgentFormValues, key: WrittenFormKey) => {
    parts.set(key, buildAgentPatchPart(baseline, values, key));
    diffed.set(key, values[key]);
  };
  const diffAll = () => {
    const values = form.getValues();
    for (const key of WRITTEN_FORM_KEYS) diffPart(values, key);
    return joinAgentPatchParts(parts);
  };
  const patch = createStore(diffAll(), { equals: deepEqual });
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  /**
   * The parts to diff again at the next compute: those edited, plus (`replaced`) those whose
   * value was replaced; `'all'` once the baseline changed.
   */
  let pending: Set<WrittenFormKey> | 'all' = new Set();
  let replaced = false;

  const compute = () => {
    if (scheduled !== undefined) clearTimeout(scheduled);
    scheduled = undefined;
    const keys = pending;
    const checkReplaced = replaced;
    pending = new Set();
    replaced = false;
    if (keys === 'all') {
      patch.set(diffAll());
      return;
    }
    const values = form.getValues();
    if (checkReplaced) for (const key of WRITTEN_FORM_KEYS) if (values[key] !== diffed.get(key)) keys.add(key);
    if (keys.size === 0) return;
    for (const key of keys) diffPart(values, key);
    patch.set(joinAgentPatchParts(parts));
  };
  /** `name`: the field edited; none: a change of the whole form (the parts it replaced). */
  const schedule = (name: string | undefined) => {
    const key = name === undefined ? undefined : writtenKeyOf(name);
    if (key === undefined) replaced = true;
    else if (pending !== 'all') pending.add(key);
    scheduled ??= setTimeout(compute, 0);
  };
  const editListeners = new Set<(name: string | undefined) => void>();
  const edited = (name: string | undefined) => {
    schedule(name);
    for (const listener of editListeners) listener(name);
  };

  return {
    getPatch: patch.get,
    subscribe: patch.subscribe,
    getBaseline: () => baseline,
    getPatchNow: () => {
      if (scheduled !== undefined) compute();
      return patch.get();
    },
    settle: (next) => {
      baseline = next;
      if (scheduled !== undefined) clearTimeout(scheduled);
      scheduled = undefined;
      pending = new Set();
      replaced = false;
      // Every part's patch is now empty, against the form's values as they are.
      const values = form.getValues();
      for (const key of WRITTEN_FORM_KEYS) {
        parts.set(key, undefined);
        diffed.set(key, values[key]);
      }
      patch.set({});
    },
    setBaseline: (next) => {
      if (next === baseline) return;
      baseline = next;
      pending = 'all';
      scheduled ??= setTimeout(compute, 0);
    },
    edited,
    onEdit: (listener) => {
      editListeners.add(listener);
      return () => {
        editListeners.delete(listener);
      };
    },
    connect: () => {
      // Only the field arrays' names (the catalogue's lists of items: an add, remove or replace
      // reports the list's name) and changes of the whole form (a reset names no field):
      // react-hook-form deep-copies the whole form on every keystroke in a field that any values
      // subscriber's name covers (1–3 ms a key on a large agent), so keystrokes reach the feed
      // through `edited`, called by the inputs. Errors too: a field-array operation or a reset
      // reports its errors, not its values. (Not isDirty: tracking it makes react-hook-form
      // compare the whole form per key.)
      const unsubscribe = form.subscribe({
        // Form paths of arrays in the form's values (the catalogue's test checks each one).
        name: formItemLists() as FieldPath<AgentFormValues>[],
        exact: true,
        formState: { values: true, errors: true },
        callback: ({ name }) => edited(name),
      });
      pending = 'all';
      compute();
      return () => {
        unsubscribe();
        if (scheduled !== undefined) clearTimeout(scheduled);
        scheduled = undefined;
      };
    },
  };
}
