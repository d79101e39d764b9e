import { isPlainObject } from './deep-equal';
import { addDrfError } from './drf-errors';
import type { DrfErrorBody } from './drf-errors';
import { AGENT_PATCH_STRATEGY, READ_ONLY_AGENT_KEYS } from './patch-strategy';
import type { CollectionMatch, CollectionStrategy, MergeStrategy } from './patch-strategy';
import type { ServedViaWrite } from './write-types';

/**
 * The contract's PATCH semantics as a pure function: what the server does with a body.
 * The emulator serves it, and the property tests check `buildAgentPatch` against it.
 */

/** An agent as the server stores it: the API response plus the write-only values it was given. */
export type StoredAgent = Record<string, unknown> & { id: number };

export interface ApplyContext {
  nextId(kind: 'file' | 'tool' | 'variable'): number;
  now(): string;
  /** Stores a new file's bytes and describes it. Throws `Error` with a message for bad content. */
  createFile(agentId: number, fileName: string, contentBase64: string): { file_url: string; file_type: string; file_size: number };
  servedViaUrl(toolId: number, servedVia: ServedViaWrite): string;
}

export class PatchRejected extends Error {
  constructor(readonly body: DrfErrorBody) {
    super('The PATCH body was rejected');
  }
}

type Errors = Record<string, unknown>;

function applyMerge(strategy: MergeStrategy, current: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = isPlainObject(current) ? { ...current } : {};
  for (const [key, value] of Object.entries(patch)) {
    const child = strategy.fields[key] ?? strategy.rest;
    if (!child) continue;
    if (child.kind === 'merge' && isPlainObject(value)) out[key] = applyMerge(child, out[key], value);
    else out[key] = value;
  }
  return out;
}

function keyText(key: unknown): string {
  return typeof key === 'number' || typeof key === 'string' ? String(key) : JSON.stringify(key);
}

/** The stored items of a collection, and how to find the one a PATCH item means. */
function matcher(agent: StoredAgent, key: string, match: CollectionMatch) {
  const stored = (Array.isArray(agent[key]) ? (agent[key] as unknown[]) : []).filter(isPlainObject);
  const byKey = new Map(stored.map((item) => [item[match.key], item] as const));
  const byOrKey = match.orKey === undefined ? undefined : new Map(stored.map((item) => [item[match.orKey ?? ''], item] as const));
  return {
    /** The item's own match key, when it names an existing one (or says one that does not exist). */
    keyOf: (item: Record<string, unknown>) => item[match.key],
    find(item: Record<string, unknown>): Record<string, unknown> | undefined {
      const k = item[match.key];
      if (k !== undefined) return byKey.get(k);
      return match.orKey === undefined ? undefined : byOrKey?.get(item[match.orKey]);
    },
  };
}

function applyFileSet(agent: StoredAgent, key: string, match: CollectionMatch, items: unknown[], ctx: ApplyContext, errors: Errors): unknown[] {
  const existing = matcher(agent, key, match);
  return items.flatMap((raw, index) => {
    const item = isPlainObject(raw) ? raw : {};
    const k = existing.keyOf(item);
    if (k !== undefined) {
      const file = existing.find(item);
      if (!file) addDrfError(errors, [key, index, match.key], `Invalid file id "${keyText(k)}" - object does not exist.`);
      return file ? [file] : [];
    }
    const rawName = item.file_name ?? item.name;
    const fileName = typeof rawName === 'string' ? rawName : '';
    const content = (typeof item.content_base64 === 'string' ? item.content_base64 : '').replace(/^data:[^,]*,/, '');
    try {
      const stored = ctx.createFile(agent.id, fileName, content);
      const now = ctx.now();
      return [{ id: ctx.nextId('file'), agent: agent.id, file_name: fileName, ...stored, created_at: now, updated_at: now }];
    } catch (e) {
      addDrfError(errors, [key, index, 'content_base64'], e instanceof Error ? e.message : String(e));
      return [];
    }
  });
}

function servedViaToStored(toolId: number, value: unknown, ctx: ApplyContext): Record<string, unknown> {
  const write: ServedViaWrite =
    isPlainObject(value) && value.type === 'mcp' && typeof value.mock_index === 'number'
      ? { type: 'mcp', mock_index: value.mock_index }
      : { type: 'direct' };
  return { ...write, url: ctx.servedViaUrl(toolId, write) };
}

function applyToolSet(agent: StoredAgent, key: string, strategy: CollectionStrategy, items: unknown[], ctx: ApplyContext, errors: Errors): unknown[] {
  const existing = matcher(agent, key, strategy.match);
  const result = items.flatMap((raw, index) => {
    const patch = isPlainObject(raw) ? raw : {};
    const old = existing.find(patch);
    const k = existing.keyOf(patch);
    if (k !== undefined && !old) {
      addDrfError(errors, [key, index, strategy.match.key], `Invalid mock tool id "${keyText(k)}" - object does not exist.`);
      return [];
    }
    if (!old && typeof patch.name !== 'string') {
      addDrfError(errors, [key, index, 'name'], 'This field is required.');
      return [];
    }
    const id = typeof old?.id === 'number' ? old.id : ctx.nextId('tool');
    const tool: Record<string, unknown> = old
      ? { ...old }
      : { id, name: '', description: '', mock_data: [], freetext_params: [], mcp_server: null, subscriber_count: 1, is_shared: false };
    if (!old) tool.served_via = servedViaToStored(id, undefined, ctx);
    for (const field of Object.keys(strategy.item)) {
      if (!(field in patch)) continue;
      tool[field] = field === 'served_via' ? servedViaToStored(id, patch[field], ctx) : patch[field];
    }
    return [tool];
  });
  const seen = new Map<unknown, number>();
  result.forEach((tool, index) => {
    if (seen.has(tool.name)) addDrfError(errors, [key, index, 'name'], 'A mock tool with this name already exists on this agent.');
    seen.set(tool.name, index);
  });
  return result;
}

function applyVariableSet(agent: StoredAgent, key: string, match: CollectionMatch, items: unknown[], ctx: ApplyContext, errors: Errors): unknown[] {
  const existing = matcher(agent, key, match);
  const seen = new Set<unknown>();
  const result = items.filter(isPlainObject).map((v, index) => {
    if (seen.has(v.name)) addDrfError(errors, [key, index, 'name'], 'Variable names must be unique.');
    seen.add(v.name);
    const old = existing.find(v);
    return { id: typeof old?.id === 'number' ? old.id : ctx.nextId('variable'), name: v.name, description: v.description };
  });
  // The API returns variables ordered by name.
  return result.sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

/**
 * Applies a (schema-valid) PATCH body to a stored agent under the contract's rules.
 * Throws `PatchRejected` with a DRF body for semantic errors (unknown ids, duplicate names, bad files).
 */
export function applyAgentPatch(agent: StoredAgent, body: Record<string, unknown>, ctx: ApplyContext): StoredAgent {
  const errors: Errors = {};
  const scalars: Record<string, unknown> = {};
  const collections: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if ((READ_ONLY_AGENT_KEYS as readonly string[]).includes(key)) continue;
    const s = AGENT_PATCH_STRATEGY.fields[key];
    if (!s) continue;
    if (s.kind === 'collection') collections[key] = value;
    else scalars[key] = value;
  }
  const next = applyMerge(AGENT_PATCH_STRATEGY, agent, scalars) as StoredAgent;
  for (const [key, value] of Object.entries(collections)) {
    const s = AGENT_PATCH_STRATEGY.fields[key];
    const items = Array.isArray(value) ? value : [];
    if (s?.kind !== 'collection') continue;
    // Files are kept by their key alone, tools change key by key, variables are sent whole.
    if (s.send === 'key') next[key] = applyFileSet(agent, key, s.match, items, ctx, errors);
    else if (s.send === 'changedKeys') next[key] = applyToolSet(agent, key, s, items, ctx, errors);
    else next[key] = applyVariableSet(agent, key, s.match, items, ctx, errors);
  }
  if (Object.keys(errors).length > 0) throw new PatchRejected(errors);
  if (typeof body.webhook_secret === 'string') next.webhook_secret_configured = body.webhook_secret !== '';
  next.updated_at = ctx.now();
  return next;
}

function stripWriteOnly(strategy: MergeStrategy, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const s = strategy.fields[key] ?? strategy.rest;
    if (s?.kind === 'writeOnly') continue;
    out[key] = s?.kind === 'merge' && isPlainObject(v) ? stripWriteOnly(s, v) : v;
  }
  return out;
}

/** The API response for a stored agent: write-only values removed. */
export function storedAgentToResponse(agent: StoredAgent): StoredAgent {
  return stripWriteOnly(AGENT_PATCH_STRATEGY, agent) as StoredAgent;
}
