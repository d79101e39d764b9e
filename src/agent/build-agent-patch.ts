import type { ApiAgent } from './api-schema';
import { deepEqual, isPlainObject } from './deep-equal';
import type { AgentFormValues } from './form-schema';
import { agentToFormValues, formValueToWrite, formValuesToWrite, WRITTEN_FORM_KEYS } from './mapping';
import type { WrittenFormKey } from './mapping';
import { AGENT_PATCH_STRATEGY } from './patch-strategy';
import type { CollectionStrategy, MergeStrategy, Strategy } from './patch-strategy';
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

function keyOf(item: unknown, key: string): unknown {
  return isPlainObject(item) ? item[key] : undefined;
}

function diffCollection(strategy: CollectionStrategy, before: unknown[], after: unknown[]): Diff {
  const { key } = strategy.match;
  const beforeByKey = new Map(before.map((b) => [keyOf(b, key), b] as const));
  const afterKeys = after.map((a) => keyOf(a, key));
  switch (strategy.send) {
    case 'key': {
      // Kept items are already just their key: the set changed when its keys did.
      const changed =
        afterKeys.some((k) => k === undefined || !beforeByKey.has(k)) || new Set(afterKeys).size !== beforeByKey.size;
      return changed ? after : ABSENT;
    }
    case 'whole': {
      const afterByKey = new Map(after.map((a, i) => [afterKeys[i], a] as const));
      const same =
        before.length === after.length &&
        afterByKey.size === beforeByKey.size &&
        [...afterByKey].every(([k, item]) => deepEqual(item, beforeByKey.get(k)));
      return same ? ABSENT : after;
    }
    case 'changedKeys': {
      let changed = before.length !== after.length;
      const body = after.map((raw, i) => {
        const next = isPlainObject(raw) ? raw : {};
        const k = afterKeys[i];
        const old = k === undefined ? undefined : beforeByKey.get(k);
        if (k === undefined || old === undefined) {
          changed = true;
          return next;
        }
        const d = diffMerge({ kind: 'merge', fields: strategy.item }, old, next);
        if (d === ABSENT) return { [key]: k };
        changed = true;
        return { [key]: k, ...(d as Record<string, unknown>) };
      });
      if (!changed) {
        const kept = new Set(afterKeys);
        changed = before.some((b) => !kept.has(keyOf(b, key)));
      }
      return changed ? body : ABSENT;
    }
  }
}

function diffValue(strategy: Strategy, before: unknown, after: unknown): Diff {
  switch (strategy.kind) {
    case 'replace':
    case 'writeOnly':
      return deepEqual(before, after) ? ABSENT : after;
    case 'merge':
      return diffMerge(strategy, before, after);
    case 'collection':
      return diffCollection(strategy, asList(before), asList(after));
  }
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The minimal PATCH between two write shapes of the same agent. */
function diffAgentWrites(before: AgentWrite, after: AgentWrite): AgentWrite {
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

/**
 * One top-level key's part of `buildAgentPatch(loaded, values)`: its value in that PATCH, or
 * `undefined` when the key is not in it. Joined in `WRITTEN_FORM_KEYS` order, the parts of all
 * keys are that PATCH, so an editor can diff only the part an edit touched.
 *
 * @example buildAgentPatchPart(agent, values, 'name') // → 'Support bot', or undefined when unchanged
 */
export function buildAgentPatchPart<K extends WrittenFormKey>(loaded: ApiAgent, values: AgentFormValues, key: K): AgentWrite[K] | undefined {
  const part = diffMerge(AGENT_PATCH_STRATEGY, pick(loadedWrite(loaded), key), pick({ [key]: formValueToWrite(values, key) }, key));
  return part === ABSENT ? undefined : (part as AgentWrite)[key];
}

function pick(write: AgentWrite, key: WrittenFormKey): AgentWrite {
  return write[key] === undefined ? {} : { [key]: write[key] };
}

/** The PATCH from its parts (each key's value or `undefined`), in the order `buildAgentPatch` lists them. */
export function joinAgentPatchParts(parts: ReadonlyMap<WrittenFormKey, unknown>): AgentWrite {
  const out: Record<string, unknown> = {};
  for (const key of WRITTEN_FORM_KEYS) {
    const part = parts.get(key);
    if (part !== undefined) out[key] = part;
  }
  return out;
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
