import type { ApiAgent } from '../../../agent/api-schema';
import { buildAgentPatch } from '../../../agent/build-agent-patch';
import type { AgentFormValues } from '../../../agent/form-schema';
import { mergeAgentEdits, resolveConflicts } from '../../../agent/merge-agent-edits';
import type { AgentWrite } from '../../../agent/write-types';
import { catalogueLabelOf, changedFieldLabels } from './field-labels';
import type { AskConflicts } from './use-conflict-prompt';

export interface SendOntoLatestDeps {
  /** Reads the agent now on the server (a fresh GET, not the cache). */
  readLatest: () => Promise<ApiAgent>;
  /** Sends one PATCH; resolves with the agent as saved. */
  /** Sends `patch`, built against `base` from `values` (what a read-back after a cancel compares with). */
  send: (patch: AgentWrite, base: ApiAgent, values: AgentFormValues) => Promise<ApiAgent>;
  ask: AskConflicts;
  /** The dialog's confirm button: "Save merged". */
  confirmLabel: string;
  /**
   * The PATCH of `values` on `base` when the caller already has it (the editor's change feed):
   * sent as it is when no one saved meanwhile, instead of diffing the whole form again.
   */
  patch?: AgentWrite;
  /** The user settled conflicts: `values` are now the edits on `latest` (the save rebases its form). */
  onResolved?: (latest: ApiAgent, values: AgentFormValues) => void;
}

export type SendOutcome =
  | {
      status: 'sent';
      /** The agent the PATCH was built against (as loaded, or the newer version merged onto). */
      before: ApiAgent;
      after: ApiAgent;
      patch: AgentWrite;
      /** Set when the edits were merged onto a newer version: what that version had changed, in labels. */
      merged: { theirChanges: string[] } | null;
    }
  /** The user cancelled the conflict dialog: nothing was sent. */
  | { status: 'cancelled' }
  /** After merging, nothing was left to send: the newer version already holds the edits. */
  | { status: 'nothing-left'; latest: ApiAgent; values: AgentFormValues };

/**
 * Sends `values` (edits made on `base`) without overwriting anyone: reads the agent first; when
 * its `updated_at` moved, merges the edits onto it (conflicts go to `ask`, then it reads again)
 * and builds the PATCH against it. Without a concurrent change the PATCH is exactly
 * `buildAgentPatch(base, values)`. Request errors are thrown.
 *
 * @example const outcome = await sendOntoLatest(baseline, form.getValues(), deps)
 */
export async function sendOntoLatest(base: ApiAgent, values: AgentFormValues, deps: SendOntoLatestDeps): Promise<SendOutcome> {
  const original = base;
  let target = base;
  let edits = values;
  for (;;) {
    const latest = await deps.readLatest();
    if (latest.updated_at === target.updated_at) break;
    const result = mergeAgentEdits(target, edits, latest, { labelOf: catalogueLabelOf });
    if (result.conflicts.length === 0) {
      target = latest;
      edits = result.values;
      break;
    }
    const choices = await deps.ask(result, deps.confirmLabel);
    if (choices === null) return { status: 'cancelled' };
    target = latest;
    edits = resolveConflicts(result, choices);
    deps.onResolved?.(target, edits);
    // Someone may have saved while the dialog was open: read again.
  }
  const patch = target === original && edits === values && deps.patch !== undefined ? deps.patch : buildAgentPatch(target, edits);
  if (Object.keys(patch).length === 0) return { status: 'nothing-left', latest: target, values: edits };
  const after = await deps.send(patch, target, edits);
  const theirChanges = target === original ? [] : changedFieldLabels(original, target);
  return { status: 'sent', before: target, after, patch, merged: target === original ? null : { theirChanges } };
}
