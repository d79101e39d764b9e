import type { ApiAgent } from './api-schema';
import { buildAgentPatch } from './build-agent-patch';
import { isPlainObject } from './deep-equal';
import type { AgentFormValues } from './form-schema';
import { agentToFormValues } from './mapping';
import { fallbackLabelOf } from './merge-agent-edits';
import type { LabelOf } from './merge-agent-edits';
import { formPathsOfWritePath } from './merge-paths';
import { AGENT_PATCH_STRATEGY } from './patch-strategy';
import type { MergeStrategy } from './patch-strategy';
import type { AgentWrite } from './write-types';

export interface UndoPlan {
  /** The form values that put the agent back (what the PATCH is built from; merge these when the agent moved on). */
  values: AgentFormValues;
  /** The inverse minimal PATCH against `after`: only what the save changed, collections as full sets. */
  patch: AgentWrite;
  /** What a PATCH cannot put back, in words (say it before undoing). */
  cannotUndo: string[];
}

/** The write-only paths a PATCH body set (`webhook_secret`, `provider.credentials.api_key`, …). */
function writeOnlyPaths(strategy: MergeStrategy, body: unknown, path: string[] = []): string[][] {
  if (!isPlainObject(body)) return [];
  return Object.entries(body).flatMap(([key, value]) => {
    const child = strategy.fields[key] ?? strategy.rest;
    if (child?.kind === 'writeOnly' && value !== undefined) return [[...path, key]];
    return child?.kind === 'merge' ? writeOnlyPaths(child, value, [...path, key]) : [];
  });
}

/**
 * How to undo a save: the agent `before` it, sent as a minimal PATCH against the agent `after`
 * it. A file the save deleted cannot come back (its content is gone: a version restore may
 * still bring it back); a tool it deleted comes back as a new tool (a new id, no longer shared);
 * write-only values it set (`sent`, the save's body) cannot be put back. `labelOf` names them.
 *
 * @example buildUndoPatch(before, after).patch // → { telephony: { phone_number: '+1415…' } }
 */
export function buildUndoPatch(before: ApiAgent, after: ApiAgent, sent?: AgentWrite, labelOf: LabelOf = fallbackLabelOf): UndoPlan {
  const values = agentToFormValues(before);
  const cannotUndo: string[] = [];
  const fileIds = new Set((after.knowledge_base_files ?? []).map((f) => f.id));
  values.knowledge_base_files = values.knowledge_base_files.filter((file) => {
    if (file.id === undefined || fileIds.has(file.id)) return true;
    cannotUndo.push(`The file “${file.file_name}” was deleted; its content is gone, so undo cannot bring it back.`);
    return false;
  });
  const toolIds = new Set((after.mock_tools ?? []).map((t) => t.id));
  const shared = new Set((before.mock_tools ?? []).filter((t) => t.is_shared === true).map((t) => t.id));
  values.mock_tools = values.mock_tools.map((tool) => {
    if (tool.id === undefined || toolIds.has(tool.id)) return tool;
    if (shared.has(tool.id)) cannotUndo.push(`The mock tool “${tool.name}” was shared with other agents; it comes back as this agent’s own tool.`);
    const { id: _id, ...rest } = tool;
    return rest;
  });
  for (const path of writeOnlyPaths(AGENT_PATCH_STRATEGY, sent)) {
    const label = labelOf((formPathsOfWritePath(path)[0] ?? path).join('.'));
    cannotUndo.push(`“${label}” was set by the save and is never read back, so undo cannot put the old value back.`);
  }
  return { values, patch: buildAgentPatch(after, values), cannotUndo };
}
