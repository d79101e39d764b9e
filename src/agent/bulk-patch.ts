import type { ApiAgent } from './api-schema';
import { buildAgentPatch } from './build-agent-patch';
import type { Language, RedactField } from './constants';
import { deepEqual } from './deep-equal';
import { fieldAt } from './field-catalogue';
import type { AgentFormValues, MockToolFormValues } from './form-schema';
import { agentToFormValues } from './mapping';
import { getIn, setIn } from './merge-paths';
import type { AgentWrite } from './write-types';

/**
 * A bulk edit: the same change made to many agents, each saved with its own minimal PATCH.
 * Only the fields that make sense across agents, and collection operations that keep every
 * other item of each agent (variables and mock tools are matched by name).
 */

/** The fields a bulk edit may set, by their path in the form (and in a PATCH body: the two agree). */
export const BULK_FIELDS = [
  'project',
  'language',
  'agent_speaks_first',
  'webhook_url',
  'webhook_secret',
  'mock_tools_enabled',
  'telephony.inbound',
  'provider.auto_dial_outbound',
  'provider.auto_import_calls',
  'provider.auto_sync_prompt',
  'provider.send_post_conversation_metadata',
  'provider.redact_fields',
] as const;
export type BulkField = (typeof BULK_FIELDS)[number];

/** Each bulk field's value, as the form holds it. */
export interface BulkFieldValues {
  project: number;
  language: Language;
  agent_speaks_first: AgentFormValues['agent_speaks_first'];
  webhook_url: string;
  /** Write-only: sent to every agent, never read back. */
  webhook_secret: string;
  mock_tools_enabled: boolean;
  'telephony.inbound': boolean;
  'provider.auto_dial_outbound': boolean | null;
  'provider.auto_import_calls': boolean | null;
  'provider.auto_sync_prompt': boolean | null;
  'provider.send_post_conversation_metadata': boolean | null;
  'provider.redact_fields': RedactField[];
}

/** A variable to add, or whose description to replace where one has its name. */
export interface BulkVariable {
  name: string;
  description: string;
}

/** A mock tool to add, or whose description and mock data to replace where one has its name. */
export interface BulkMockTool {
  name: string;
  description: string;
  /** JSON text: a list of `{input, output}` pairs (empty: none). */
  mock_data: string;
}

export interface BulkRemoval {
  kind: 'variable' | 'tool';
  name: string;
}

export interface BulkEditSpec {
  /** Only the fields the user turned on; the others are never sent. */
  fields: Partial<BulkFieldValues>;
  variables: BulkVariable[];
  tools: BulkMockTool[];
  removals: BulkRemoval[];
}

export const EMPTY_BULK_EDIT: BulkEditSpec = { fields: {}, variables: [], tools: [], removals: [] };

/** The label the editor shows for a bulk field (from the field catalogue). */
export function bulkFieldLabel(field: BulkField): string {
  return fieldAt(field)?.label ?? field;
}

/** True when the spec asks for no change at all. */
export function isEmptyBulkEdit(spec: BulkEditSpec): boolean {
  return Object.keys(spec.fields).length === 0 && spec.variables.length === 0 && spec.tools.length === 0 && spec.removals.length === 0;
}

function chosenFields(spec: BulkEditSpec): BulkField[] {
  return BULK_FIELDS.filter((field) => spec.fields[field] !== undefined);
}

/** A new tool as the form would hold it; served directly, no free-text params. */
function newTool(tool: BulkMockTool): MockToolFormValues {
  return { name: tool.name.trim(), description: tool.description, mock_data: tool.mock_data, freetext_params: [], served_via: 'direct', mock_index: null };
}

/**
 * The agent's form values with the bulk edit made: each chosen field set, each variable and
 * tool added or updated by name, each named one removed; everything else as it is.
 */
export function bulkEditedValues(spec: BulkEditSpec, agent: ApiAgent): AgentFormValues {
  const values = agentToFormValues(agent);
  for (const field of chosenFields(spec)) setIn(values, field.split('.'), structuredClone(spec.fields[field]));
  const removed = (kind: BulkRemoval['kind']) => new Set(spec.removals.filter((r) => r.kind === kind).map((r) => r.name.trim()));

  const goneVariables = removed('variable');
  values.dynamic_variables = values.dynamic_variables.filter((v) => !goneVariables.has(v.name.trim()));
  for (const variable of spec.variables) {
    const name = variable.name.trim();
    const existing = values.dynamic_variables.find((v) => v.name.trim() === name);
    if (existing) existing.description = variable.description;
    else values.dynamic_variables.push({ name, description: variable.description });
  }

  const goneTools = removed('tool');
  values.mock_tools = values.mock_tools.filter((t) => !goneTools.has(t.name.trim()));
  for (const tool of spec.tools) {
    const name = tool.name.trim();
    const existing = values.mock_tools.find((t) => t.name.trim() === name);
    if (existing) {
      existing.description = tool.description;
      existing.mock_data = tool.mock_data;
    } else values.mock_tools.push(newTool(tool));
  }
  return values;
}

/**
 * The minimal PATCH that makes the bulk edit on one agent as read from the API, or `null` when
 * nothing would change there (the agent is skipped). Collections go as the contract's full sets:
 * every other item of the agent is kept (a kept tool as `{id}`), so nothing is deleted that the
 * edit did not name.
 *
 * @example buildBulkPatch({ ...EMPTY_BULK_EDIT, fields: { webhook_url: 'https://hooks.example.com/new' } }, agent) // → { webhook_url: 'https://hooks.example.com/new' }
 */
export function buildBulkPatch(spec: BulkEditSpec, agent: ApiAgent): AgentWrite | null {
  const patch = buildAgentPatch(agent, bulkEditedValues(spec, agent));
  return Object.keys(patch).length === 0 ? null : patch;
}

/** Reads a bulk field's value from form values. */
export function bulkFieldValue<F extends BulkField>(values: AgentFormValues, field: F): BulkFieldValues[F] {
  return getIn(values, field.split('.')) as BulkFieldValues[F];
}

/** One change a bulk edit makes to one agent, for the preview. */
export type BulkChange =
  | { kind: 'field'; field: BulkField; label: string; from: unknown; to: unknown }
  | { kind: 'item'; collection: 'dynamic_variables' | 'mock_tools'; label: string; name: string; action: 'add' | 'update' | 'remove'; shared: boolean };

/**
 * What the bulk edit changes on one agent, field by field and item by item (empty: skipped).
 * A typed webhook secret always counts: it is write-only, so it cannot be compared.
 */
export function bulkChanges(spec: BulkEditSpec, agent: ApiAgent): BulkChange[] {
  const before = agentToFormValues(agent);
  const after = bulkEditedValues(spec, agent);
  const changes: BulkChange[] = [];
  for (const field of chosenFields(spec)) {
    const from: unknown = bulkFieldValue(before, field);
    const to: unknown = bulkFieldValue(after, field);
    // The URL is sent trimmed; a secret is write-only, so any typed one is a change.
    const same = field === 'webhook_secret' ? to === '' : deepEqual(typeof from === 'string' ? from.trim() : from, typeof to === 'string' ? to.trim() : to);
    if (!same) changes.push({ kind: 'field', field, label: bulkFieldLabel(field), from, to });
  }
  const label = (collection: 'dynamic_variables' | 'mock_tools') => fieldAt(collection)?.label ?? collection;
  const variablesBefore = new Map(before.dynamic_variables.map((v) => [v.name.trim(), v] as const));
  const variablesAfter = new Map(after.dynamic_variables.map((v) => [v.name.trim(), v] as const));
  for (const [name, v] of variablesAfter) {
    const old = variablesBefore.get(name);
    if (!old) changes.push({ kind: 'item', collection: 'dynamic_variables', label: label('dynamic_variables'), name, action: 'add', shared: false });
    else if (old.description.trim() !== v.description.trim()) {
      changes.push({ kind: 'item', collection: 'dynamic_variables', label: label('dynamic_variables'), name, action: 'update', shared: false });
    }
  }
  for (const name of variablesBefore.keys()) {
    if (!variablesAfter.has(name)) changes.push({ kind: 'item', collection: 'dynamic_variables', label: label('dynamic_variables'), name, action: 'remove', shared: false });
  }
  const sharedIds = new Set((agent.mock_tools ?? []).filter((t) => t.is_shared === true).map((t) => t.id));
  const toolsBefore = new Map(before.mock_tools.map((t) => [t.name.trim(), t] as const));
  const toolsAfter = new Map(after.mock_tools.map((t) => [t.name.trim(), t] as const));
  const patchTools = buildAgentPatch(agent, after).mock_tools ?? [];
  for (const [name, t] of toolsAfter) {
    const old = toolsBefore.get(name);
    const shared = t.id !== undefined && sharedIds.has(t.id);
    if (!old) changes.push({ kind: 'item', collection: 'mock_tools', label: label('mock_tools'), name, action: 'add', shared: false });
    else if (patchTools.some((p) => p.id === t.id && Object.keys(p).length > 1)) {
      changes.push({ kind: 'item', collection: 'mock_tools', label: label('mock_tools'), name, action: 'update', shared });
    }
  }
  for (const [name, t] of toolsBefore) {
    const shared = t.id !== undefined && sharedIds.has(t.id);
    if (!toolsAfter.has(name)) changes.push({ kind: 'item', collection: 'mock_tools', label: label('mock_tools'), name, action: 'remove', shared });
  }
  return changes;
}
