import type { ApiAgent } from '../../../agent/api-schema';
import { deepEqual, isPlainObject } from '../../../agent/deep-equal';
import { collectionMatch, fieldAt } from '../../../agent/field-catalogue';
import { VERSIONED_AGENT_FIELDS } from '../../../agent/history-schema';
import { AGENT_PATCH_STRATEGY } from '../../../agent/patch-strategy';
import { inWords } from '../review-changes';

/** What changed in one versioned field, in words: a value's before and after, or a collection's items. */
export interface VersionChange {
  field: string;
  /** The field's label in the editor ("Dynamic variables"). */
  label: string;
  /** A value's change, from what to what; absent for a collection. */
  before?: string;
  after?: string;
  /** A collection's change, one line per item: added, removed, or changed with what changed. */
  items?: string[];
}

const labelOf = (path: string) => fieldAt(path)?.label || path;

/** No value, whether missing, `null` or empty text: a version and the agent write it differently. */
const isBlank = (value: unknown) => value === undefined || value === null || value === '';

function sameValue(a: unknown, b: unknown): boolean {
  return (isBlank(a) && isBlank(b)) || deepEqual(a, b);
}

/** The keys of a collection's item the editor names (its catalogue rows with a label), but the one that matches items. */
function itemKeys(field: string, matchKey: string): string[] {
  const strategy = AGENT_PATCH_STRATEGY.fields[field];
  if (strategy?.kind !== 'collection') return [];
  return Object.keys(strategy.item).filter((key) => key !== matchKey && (fieldAt(`${field}.*.${key}`)?.label ?? '') !== '');
}

function describeItems(field: string, before: unknown, after: unknown): string[] {
  const match = collectionMatch(field) ?? { key: 'id', labelKey: 'name' };
  const old = (Array.isArray(before) ? before : []).filter(isPlainObject);
  const next = (Array.isArray(after) ? after : []).filter(isPlainObject);
  const keyOf = (item: Record<string, unknown>): unknown => item[match.key] ?? (match.orKey === undefined ? undefined : item[match.orKey]);
  const nameOf = (item: Record<string, unknown>) => {
    const name = item[match.labelKey];
    return typeof name === 'string' && name !== '' ? `“${name}”` : `#${String(keyOf(item))}`;
  };
  const oldByKey = new Map(old.flatMap((item) => (keyOf(item) === undefined ? [] : [[keyOf(item), item] as const])));
  const nextKeys = new Set<unknown>(next.map(keyOf).filter((key) => key !== undefined));
  const keys = itemKeys(field, match.key);

  const added = next.filter((item) => keyOf(item) === undefined || !oldByKey.has(keyOf(item))).map((item) => `added ${nameOf(item)}`);
  const removed = old.filter((item) => keyOf(item) === undefined || !nextKeys.has(keyOf(item))).map((item) => `removed ${nameOf(item)}`);
  const changed = next.flatMap((item) => {
    const was = keyOf(item) === undefined ? undefined : oldByKey.get(keyOf(item));
    if (!was) return [];
    const parts = keys
      .filter((key) => !sameValue(was[key], item[key]))
      .map((key) => {
        const path = `${field}.*.${key}`;
        const words = labelOf(path).toLowerCase();
        const plain = (v: unknown) => isBlank(v) || typeof v === 'string';
        return plain(was[key]) && plain(item[key]) ? `${words} from ${inWords(path, was[key])} to ${inWords(path, item[key])}` : `${words} changed`;
      });
    return parts.length === 0 ? [] : [`changed ${nameOf(item)}: ${parts.join(', ')}`];
  });
  return [...added, ...removed, ...changed];
}

/**
 * What differs between two states of an agent in the fields a version records (name, language,
 * description, mock tools, dynamic variables, knowledge-base files), labelled as the editor
 * labels them; collections item by item, matched as the catalogue says (variables by name,
 * tools and files by id). Compare two versions with `agentAtVersion(current, …)` on each side.
 *
 * @example describeVersionChanges(agent, agentAtVersion(agent, version)) // what restoring `version` changes
 */
export function describeVersionChanges(before: ApiAgent, after: ApiAgent): VersionChange[] {
  return VERSIONED_AGENT_FIELDS.flatMap((field): VersionChange[] => {
    const label = labelOf(field);
    if (collectionMatch(field) !== undefined) {
      const items = describeItems(field, before[field], after[field]);
      return items.length === 0 ? [] : [{ field, label, items }];
    }
    if (sameValue(before[field], after[field])) return [];
    return [{ field, label, before: inWords(field, before[field]), after: inWords(field, after[field]) }];
  });
}

/** The labels of the fields a version records, in the catalogue's words. */
export function versionedFieldLabels(): string[] {
  return VERSIONED_AGENT_FIELDS.map(labelOf);
}

/**
 * The labels of the agent's fields the API does not version (telephony, provider, webhook, who
 * speaks first, …): every top-level field of the catalogue but the versioned ones, the secrets
 * and the write-only ones (never read back, so there is nothing to record).
 */
export function unversionedFieldLabels(): string[] {
  const versioned: readonly string[] = VERSIONED_AGENT_FIELDS;
  return Object.entries(AGENT_PATCH_STRATEGY.fields)
    .filter(([key, strategy]) => !versioned.includes(key) && strategy.kind !== 'writeOnly' && strategy.secret !== true)
    .map(([key]) => labelOf(key));
}
