import type { ApiAgent } from './api-schema';
import { deepEqual, isPlainObject } from './deep-equal';
import type { AgentFormValues } from './form-schema';
import { agentToFormValues, formValuesToWrite } from './mapping';
import { mergeCollection } from './merge-collection';
import { formPathsOfWritePath, formValueAt, getIn, setIn, splitPath } from './merge-paths';
import { AGENT_PATCH_STRATEGY } from './patch-strategy';
import type { MergeStrategy } from './patch-strategy';

/**
 * How to apply "Take theirs" for one conflict, in terms of `MergeResult.values`:
 * - `field`: put `values[i]` at `formPaths[i]` (index-based form paths);
 * - `item`: in `collection`, replace the item at `index` with `item` (`null`: remove it), or,
 *   with `index: null` (the item is not in the merged values), append `item`.
 */
export type ConflictTake =
  | { kind: 'field'; formPaths: string[]; values: unknown[] }
  | { kind: 'item'; collection: string; index: number | null; item: unknown };

export interface Conflict {
  /**
   * Stable and unique: a form path for fields outside the collections (`telephony.phone_number`,
   * `provider.config.public_key`); for collection items the item's identity in brackets:
   * `mock_tools[id=12].description`, `dynamic_variables[name=order_id].description`,
   * `knowledge_base_files[id=7]`, and for two new items with one name `mock_tools[name=lookup]`.
   */
  path: string;
  /** The field without the item: `mock_tools.*.description`, `mock_tools.*` (whole item). */
  fieldPath: string;
  /** Where it is in `MergeResult.values` (index-based), when it is there. */
  formPath?: string;
  label: string;
  /** Form values (what the form shows); `undefined` is "absent" (an item deleted or not yet added). */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  take: ConflictTake;
}

export interface MergeResult {
  /** My edits merged onto theirs; every conflict resolved as "Keep mine". */
  values: AgentFormValues;
  /** The new baseline of the form: the agent now on the server. */
  baseline: ApiAgent;
  conflicts: Conflict[];
}

/** A conflict's human label from its field path (`mock_tools.*.description`) and, inside a collection, the item's name. */
export type LabelOf = (fieldPath: string, itemName?: string) => string;

export interface MergeOptions {
  labelOf?: LabelOf;
}

/** The merge's running state, shared with the collection step. */
export interface MergeContext {
  base: AgentFormValues;
  mine: AgentFormValues;
  theirs: AgentFormValues;
  /** The merged values being built (starts as a copy of mine). */
  values: AgentFormValues;
  conflicts: Conflict[];
  labelOf: LabelOf;
}

const COLLECTION_LABELS: Readonly<Record<string, string>> = {
  knowledge_base_files: 'Knowledge-base file',
  mock_tools: 'Mock tool',
  dynamic_variables: 'Variable',
};

function humanize(segment: string): string {
  const words = segment.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Until the field catalogue provides labels: the path in words, e.g. `Telephony › Phone number`. */
export const fallbackLabelOf: LabelOf = (fieldPath, itemName) => {
  const [first = '', ...rest] = splitPath(fieldPath).filter((s) => s !== '*');
  const head = first in COLLECTION_LABELS ? `${COLLECTION_LABELS[first] ?? first} “${itemName ?? ''}”` : humanize(first);
  return [head, ...rest.map(humanize)].join(' › ');
};

function mergeLeaf(ctx: MergeContext, writePath: string[], b: unknown, m: unknown, t: unknown): void {
  // Unchanged by them, or changed by both to the same value: mine as it is in the form.
  if (deepEqual(m, t) || deepEqual(b, t)) return;
  const formPaths = formPathsOfWritePath(writePath);
  if (deepEqual(b, m)) {
    for (const path of formPaths) setIn(ctx.values, path, structuredClone(getIn(ctx.theirs, path)));
    return;
  }
  const path = (formPaths[0] ?? writePath).join('.');
  ctx.conflicts.push({
    path,
    fieldPath: path,
    formPath: path,
    label: ctx.labelOf(path),
    base: formValueAt(ctx.base, formPaths),
    mine: formValueAt(ctx.mine, formPaths),
    theirs: formValueAt(ctx.theirs, formPaths),
    take: { kind: 'field', formPaths: formPaths.map((p) => p.join('.')), values: formPaths.map((p) => structuredClone(getIn(ctx.theirs, p))) },
  });
}

function mergeObject(ctx: MergeContext, strategy: MergeStrategy, path: string[], base: unknown, mine: unknown, theirs: unknown): void {
  const b = isPlainObject(base) ? base : {};
  const m = isPlainObject(mine) ? mine : {};
  const t = isPlainObject(theirs) ? theirs : {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)])) {
    const child = strategy.fields[key] ?? strategy.rest;
    if (!child) continue;
    switch (child.kind) {
      case 'replace':
        mergeLeaf(ctx, [...path, key], b[key], m[key], t[key]);
        break;
      case 'merge':
        mergeObject(ctx, child, [...path, key], b[key], m[key], t[key]);
        break;
      case 'writeOnly':
        // Mine when typed, never theirs (the server never tells), never a conflict.
        break;
      case 'collection':
        mergeCollection(ctx, key, child, { base: b[key], mine: m[key], theirs: t[key] });
        break;
    }
  }
}

/**
 * Three-way merge of my form edits onto the agent someone else saved meanwhile, by the rules of
 * `AGENT_PATCH_STRATEGY` (values compared as the PATCH builder compares them):
 * - a leaf changed only by me is mine, only by them theirs, by both to one value that value,
 *   by both to different values a conflict; objects merge key by key; write-only fields are mine;
 * - collections merge per item (variables by name, tools and files by id): items they added stay
 *   (appended after mine, in their order; merged lists keep my order); items they removed stay
 *   removed unless I edited them (a conflict; kept, a tool as a new one); items I removed are removed,
 *   a conflict when they edited them; one item edited by both merges key by key; two new items
 *   with one name conflict (equal new tools become theirs).
 * Every conflict starts as "Keep mine" in `values`; `resolveConflicts` applies the choices.
 *
 * @example mergeAgentEdits(loaded, form.getValues(), latest).conflicts // → [] when the edits touch different fields
 */
export function mergeAgentEdits(base: ApiAgent, mine: AgentFormValues, theirs: ApiAgent, options: MergeOptions = {}): MergeResult {
  const baseValues = agentToFormValues(base);
  const theirValues = agentToFormValues(theirs);
  const ctx: MergeContext = {
    base: baseValues,
    mine,
    theirs: theirValues,
    values: structuredClone(mine),
    conflicts: [],
    labelOf: options.labelOf ?? fallbackLabelOf,
  };
  mergeObject(ctx, AGENT_PATCH_STRATEGY, [], formValuesToWrite(baseValues), formValuesToWrite(mine), formValuesToWrite(theirValues));
  return { values: ctx.values, baseline: theirs, conflicts: ctx.conflicts };
}

export type ConflictChoice = 'mine' | 'theirs';

/** The final form values for the user's choices by conflict path (a conflict not chosen keeps mine). */
export function resolveConflicts(result: MergeResult, choices: Readonly<Record<string, ConflictChoice>>): AgentFormValues {
  const values = structuredClone(result.values);
  const itemTakes: Extract<ConflictTake, { kind: 'item' }>[] = [];
  for (const conflict of result.conflicts) {
    if (choices[conflict.path] !== 'theirs') continue;
    const { take } = conflict;
    if (take.kind === 'item') itemTakes.push(take);
    else take.formPaths.forEach((path, i) => setIn(values, splitPath(path), structuredClone(take.values[i])));
  }
  // Item takes refer to indices in `result.values`: apply them to each list in one pass.
  const lists = new Set(itemTakes.map((take) => take.collection));
  for (const collection of lists) {
    const items = getIn(values, [collection]);
    if (!Array.isArray(items)) continue;
    const replaced = new Map<number, unknown>();
    const appended: unknown[] = [];
    for (const take of itemTakes) {
      if (take.collection !== collection) continue;
      if (take.index === null) appended.push(structuredClone(take.item));
      else replaced.set(take.index, take.item);
    }
    const next = (items as unknown[]).flatMap((item, index) => {
      if (!replaced.has(index)) return [item];
      const replacement = replaced.get(index);
      return replacement === null || replacement === undefined ? [] : [structuredClone(replacement)];
    });
    setIn(values, [collection], [...next, ...appended]);
  }
  return values;
}
