import type { ApiAgent } from './api-schema';
import { deepEqual, isPlainObject } from './deep-equal';
import type { AgentFormValues } from './form-schema';
import { agentToFormValues, formValuesToWrite } from './mapping';
import { AGENT_PATCH_STRATEGY } from './patch-strategy';
import type { MergeStrategy, Strategy } from './patch-strategy';
import type { AgentWrite } from './write-types';

const ABSENT = Symbol('absent');
type Diff = unknown; // a value to send, or ABSENT

function diffMerge(strategy: MergeStrategy, before: unknown, after: unknown): Diff {
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const child = strategy.fields[key] ?? strategy.rest;
    if (!child) continue;
    if (a[key] === undefined) {
      if (b[key] !== undefined && child.kind === 'replace' && strategy.cleared) out[key] = strategy.cleared(key);
      continue;
    }
    const d = diffValue(child, b[key], a[key]);
    if (d !== ABSENT) out[key] = d;
  }
  return Object.keys(out).length > 0 ? out : ABSENT;
}

function idOf(item: unknown): number | undefined {
  return isPlainObject(item) && typeof item.id === 'number' ? item.id : undefined;
}

function diffFileSet(before: unknown[], after: unknown[]): Diff {
  const beforeIds = new Set(before.map(idOf));
  const afterIds = after.map(idOf);
  const changed =
    afterIds.some((id) => id === undefined || !beforeIds.has(id)) ||
    new Set(afterIds).size !== beforeIds.size;
  return changed ? after : ABSENT;
}

function diffItemSetById(item: Readonly<Record<string, Strategy>>, before: unknown[], after: unknown[]): Diff {
  const beforeById = new Map(before.map((b) => [idOf(b), b] as const));
  let changed = before.length !== after.length;
  const body = after.map((raw) => {
    const next = isPlainObject(raw) ? raw : {};
    const id = idOf(next);
    const old = id === undefined ? undefined : beforeById.get(id);
    if (id === undefined || old === undefined) {
      changed = true;
      return next;
    }
    const d = diffMerge({ kind: 'merge', fields: item }, old, next);
    if (d === ABSENT) return { id };
    changed = true;
    return { id, ...(d as Record<string, unknown>) };
  });
  if (!changed) {
    const afterIds = new Set(after.map(idOf));
    changed = before.some((b) => !afterIds.has(idOf(b)));
  }
  return changed ? body : ABSENT;
}

function byName(items: unknown[]): Map<unknown, unknown> {
  return new Map(items.map((i) => [isPlainObject(i) ? i.name : undefined, i] as const));
}

function diffItemSetByName(before: unknown[], after: unknown[]): Diff {
  const b = byName(before);
  const a = byName(after);
  const same = before.length === after.length && a.size === b.size && [...a].every(([name, item]) => deepEqual(item, b.get(name)));
  return same ? ABSENT : after;
}

function diffValue(strategy: Strategy, before: unknown, after: unknown): Diff {
  switch (strategy.kind) {
    case 'replace':
    case 'writeOnly':
      return deepEqual(before, after) ? ABSENT : after;
    case 'merge':
      return diffMerge(strategy, before, after);
    case 'fileSet':
      return diffFileSet(asList(before), asList(after));
    case 'itemSetById':
      return diffItemSetById(strategy.item, asList(before), asList(after));
    case 'itemSetByName':
      return diffItemSetByName(asList(before), asList(after));
  }
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The minimal PATCH between two write shapes of the same agent. */
export function diffAgentWrites(before: AgentWrite, after: AgentWrite): AgentWrite {
  const d = diffMerge(AGENT_PATCH_STRATEGY, before, after);
  return d === ABSENT ? {} : (d as AgentWrite);
}

/**
 * The minimal PATCH body for saving `values` over the agent as it was loaded: only what
 * changed by value, nested objects as their changed leaves, and a changed collection as its
 * whole desired set. An untouched (or typed-back) form gives `{}`.
 *
 * @example buildAgentPatch(agent, { ...agentToFormValues(agent), name: 'Support bot' }) // → { name: 'Support bot' }
 */
export function buildAgentPatch(loaded: ApiAgent, values: AgentFormValues): AgentWrite {
  return diffAgentWrites(loadedWrite(loaded), formValuesToWrite(values));
}

// The editor diffs on every edit against the same loaded agent: derive its write shape once.
const loadedWrites = new WeakMap<ApiAgent, AgentWrite>();
function loadedWrite(loaded: ApiAgent): AgentWrite {
  let write = loadedWrites.get(loaded);
  if (!write) {
    write = formValuesToWrite(agentToFormValues(loaded));
    loadedWrites.set(loaded, write);
  }
  return write;
}
