import { isPlainObject } from './deep-equal';
import { fieldAt } from './field-catalogue';

/**
 * Paths for the three-way merge: where a PATCH (write) path lives in the form values, and
 * reading/writing form values by a dot path (`telephony.phone_number`, `mock_tools.3.name`).
 */

/**
 * The form paths holding a write path, from the field catalogue (the provider's credentials and
 * chat details are flattened in the form; every other path is the same on both sides).
 *
 * @example formPathsOfWritePath(['provider', 'credentials', 'api_key']) // → [['provider', 'api_key']]
 */
export function formPathsOfWritePath(writePath: readonly string[]): string[][] {
  const row = fieldAt(writePath.join('.'));
  if (!row) return [[...writePath]];
  const indices = writePath.filter((segment) => /^\d+$/.test(segment));
  let i = 0;
  return [splitPath(row.formPath).map((segment) => (segment === '*' ? (indices[i++] ?? segment) : segment))];
}

/**
 * The form keys of a collection item holding one write key of that item, from the catalogue:
 * a tool's `served_via` is two inputs (`served_via`, `mock_index`).
 */
export function formKeysOfItemKey(collection: string, key: string): string[] {
  const row = fieldAt(`${collection}.*.${key}`);
  if (!row) return [key];
  const parts = row.strategy.kind === 'replace' ? Object.keys(row.strategy.parts ?? {}) : [];
  const formPaths = [row.formPath, ...parts.flatMap((part) => fieldAt(`${row.path}.${part}`)?.formPath ?? [])];
  return [...new Set(formPaths.map((path) => path.slice(path.lastIndexOf('.') + 1)))];
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
