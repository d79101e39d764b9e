import { isPlainObject } from './deep-equal';

/**
 * Paths for the three-way merge: where a PATCH (write) path lives in the form values, and
 * reading/writing form values by a dot path (`telephony.phone_number`, `mock_tools.3.name`).
 */

/**
 * The form paths holding a write path. This mirrors the renames of `mapping.ts` (the provider's
 * credentials and chat details are flattened in the form; a tool's `served_via` is two inputs);
 * every other path is the same on both sides. The field catalogue is the future home of this.
 */
export function formPathsOfWritePath(writePath: readonly string[]): string[][] {
  const [top, group, key, sub] = writePath;
  if (top === 'provider' && group === 'credentials' && key === 'config') return [['provider', 'config', ...writePath.slice(3)]];
  if (top === 'provider' && group === 'credentials' && key !== undefined) return [['provider', key]];
  if (top === 'provider' && group === 'chat_agent_details' && key === 'type') return [['provider', 'chat_type']];
  if (top === 'provider' && group === 'chat_agent_details' && key === 'config' && sub === 'agent_id') return [['provider', 'chat_agent_id']];
  return [[...writePath]];
}

/** The form keys of a collection item holding one write key of that item. */
export function formKeysOfItemKey(collection: string, key: string): string[] {
  return collection === 'mock_tools' && key === 'served_via' ? ['served_via', 'mock_index'] : [key];
}

export function getIn(root: unknown, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isPlainObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Sets a value at an existing parent; `undefined` deletes an object key. */
export function setIn(root: unknown, path: readonly string[], value: unknown): void {
  const parent = getIn(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else if (isPlainObject(parent)) {
    if (value === undefined) Reflect.deleteProperty(parent, last);
    else parent[last] = value;
  }
}

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** A form value (or several, keyed by their last segment) for showing in a conflict. */
export function formValueAt(root: unknown, formPaths: readonly string[][]): unknown {
  const [only, ...more] = formPaths;
  if (only === undefined) return undefined;
  if (more.length === 0) return structuredClone(getIn(root, only));
  return Object.fromEntries(formPaths.map((p) => [p[p.length - 1], structuredClone(getIn(root, p))]));
}
