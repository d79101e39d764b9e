import type { ApiAgent } from './api-schema';
import { buildAgentPatch } from './build-agent-patch';
import { fieldAt } from './field-catalogue';
import { fallbackLabelOf, mergeAgentEdits } from './merge-agent-edits';
import type { LabelOf } from './merge-agent-edits';
import { buildUndoPatch } from './undo-patch';
import type { AgentWrite } from './write-types';

/** One agent a bulk edit saved: as read just before its PATCH, the body sent, and the answer. */
export interface SavedByBulkEdit {
  before: ApiAgent;
  sent: AgentWrite;
  after: ApiAgent;
}

/** A field's label from the catalogue; inside a collection, the item's name. */
export const bulkLabelOf: LabelOf = (fieldPath, itemName) => {
  if (itemName !== undefined) return fallbackLabelOf(fieldPath, itemName);
  return fieldAt(fieldPath)?.title || fallbackLabelOf(fieldPath, itemName);
};

/** Why an undo was refused: someone changed the same fields since the bulk edit. */
export class UndoConflict extends Error {}

/**
 * What undo cannot put back on one saved agent (a typed webhook secret, a shared tool that comes
 * back as the agent's own), in words: say it before undoing.
 */
export function bulkUndoCaveats(saved: SavedByBulkEdit): string[] {
  return buildUndoPatch(saved.before, saved.after, saved.sent, bulkLabelOf).cannotUndo;
}

/**
 * The minimal PATCH that puts one agent back as it was before the bulk edit, built against the
 * agent as it is now (`latest`): the inverse of what the edit changed (`buildUndoPatch`); when
 * someone saved the agent since, merged onto their version, so their change stays. `null` when
 * there is nothing to put back. Throws `UndoConflict` when they changed what the edit changed.
 *
 * @example buildBulkUndoPatch(saved, await readLatestAgent(saved.after.id)) // → { webhook_url: 'https://hooks.example.com/old' }
 */
export function buildBulkUndoPatch(saved: SavedByBulkEdit, latest: ApiAgent): AgentWrite | null {
  const plan = buildUndoPatch(saved.before, saved.after, saved.sent, bulkLabelOf);
  let values = plan.values;
  if (latest.updated_at !== saved.after.updated_at) {
    const merged = mergeAgentEdits(saved.after, plan.values, latest, { labelOf: bulkLabelOf });
    if (merged.conflicts.length > 0) {
      throw new UndoConflict(`Changed since the bulk edit (${merged.conflicts.map((c) => c.label).join(', ')}); not undone`);
    }
    values = merged.values;
  }
  const patch = buildAgentPatch(latest, values);
  return Object.keys(patch).length === 0 ? null : patch;
}
