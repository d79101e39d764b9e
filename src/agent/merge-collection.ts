import { deepEqual, isPlainObject } from './deep-equal';
import type { MergeContext } from './merge-agent-edits';
import { formKeysOfItemKey, formValueAt, getIn, setIn } from './merge-paths';
import type { CollectionStrategy } from './patch-strategy';

/** The collection step of `mergeAgentEdits`: one full-set collection, merged item by item. */

// Read from the strategy table: matched by name (variables, sent whole), kept by key only (files,
// nothing inside to merge), or by id with their changed keys (mock tools, merged key by key).
const byName = (strategy: CollectionStrategy) => strategy.match.key === 'name';
const keyOnly = (strategy: CollectionStrategy) => strategy.send === 'key';
const byIdWithKeys = (strategy: CollectionStrategy) => strategy.match.key === 'id' && strategy.send === 'changedKeys';
type Item = Record<string, unknown>;

interface Entry {
  /** `id=12` or `name=order_id`; undefined for a new tool or file (no id yet). */
  key: string | undefined;
  name: string;
  /** The item as the PATCH builder sees it (compared) and as the form holds it (kept). */
  write: Item;
  form: Item;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function keyOf(strategy: CollectionStrategy, write: Item): string | undefined {
  if (byName(strategy)) return `name=${typeof write.name === 'string' ? write.name : ''}`;
  return typeof write.id === 'number' ? `id=${write.id}` : undefined;
}

function entriesOf(strategy: CollectionStrategy, writes: unknown, forms: unknown): Entry[] {
  const w = asList(writes);
  return asList(forms).map((raw, i) => {
    const form = isPlainObject(raw) ? raw : {};
    const writeRaw = w[i];
    const write = isPlainObject(writeRaw) ? writeRaw : {};
    const name = typeof form.file_name === 'string' ? form.file_name : typeof write.name === 'string' ? write.name : '';
    return { key: keyOf(strategy, write), name, write, form };
  });
}

/** The keys merged one by one inside an item kept by both sides (files have none: kept or not). */
function itemKeys(strategy: CollectionStrategy, ...writes: (Item | undefined)[]): string[] {
  if (byIdWithKeys(strategy)) return Object.entries(strategy.item).filter(([, s]) => s.kind !== 'writeOnly').map(([k]) => k);
  if (keyOnly(strategy)) return [];
  return [...new Set(writes.flatMap((w) => Object.keys(w ?? {})))].filter((k) => k !== 'name');
}

/** A form item for showing in a conflict: no file contents. */
function shown(item: Item | undefined): unknown {
  if (!item) return undefined;
  const { content_base64: _content, ...rest } = item;
  return structuredClone(rest);
}

function withoutWrite(item: Item, key: string): Item {
  const { [key]: _dropped, ...rest } = item;
  return rest;
}

export function mergeCollection(
  ctx: MergeContext,
  collection: string,
  strategy: CollectionStrategy,
  writes: { base: unknown; mine: unknown; theirs: unknown },
): void {
  const base = entriesOf(strategy, writes.base, getIn(ctx.base, [collection]));
  const mine = entriesOf(strategy, writes.mine, getIn(ctx.values, [collection]));
  const theirs = entriesOf(strategy, writes.theirs, getIn(ctx.theirs, [collection]));
  const baseByKey = new Map(base.flatMap((e) => (e.key === undefined ? [] : [[e.key, e] as const])));
  const theirsByKey = new Map(theirs.flatMap((e) => (e.key === undefined ? [] : [[e.key, e] as const])));
  const mineKeys = new Set(mine.map((e) => e.key));
  const theirsAdded = theirs.filter((e) => e.key === undefined || !baseByKey.has(e.key));
  const used = new Set<Entry>();
  const out: Item[] = [];
  const itemPath = (key: string) => `${collection}[${key}]`;
  const itemConflict = (path: string, name: string, index: number | null, b: Item | undefined, m: Item | undefined, t: Item | undefined) => {
    ctx.conflicts.push({
      path,
      fieldPath: `${collection}.*`,
      ...(index === null ? {} : { formPath: `${collection}.${index}` }),
      label: ctx.labelOf(`${collection}.*`, name),
      base: shown(b),
      mine: shown(m),
      theirs: shown(t),
      take: { kind: 'item', collection, index, item: t ? structuredClone(t) : null },
    });
  };

  for (const m of mine) {
    if (m.key === undefined) {
      // A new tool or file of mine: does a new one of theirs have its name?
      const clash = theirsAdded.find((t) => !used.has(t) && !mineKeys.has(t.key) && t.name === m.name);
      if (clash) {
        used.add(clash);
        if (!keyOnly(strategy) && deepEqual(m.write, withoutWrite(clash.write, 'id'))) {
          out.push(structuredClone(clash.form));
          continue;
        }
        itemConflict(`${collection}[name=${m.name}]`, m.name, out.length, undefined, m.form, clash.form);
      }
      out.push(m.form);
      continue;
    }
    const b = baseByKey.get(m.key);
    const t = theirsByKey.get(m.key);
    if (t) used.add(t);
    if (!t) {
      if (!b) out.push(m.form); // added by me
      else if (!deepEqual(b.write, m.write)) {
        // They deleted what I edited: keeping mine brings it back as a new item.
        itemConflict(itemPath(m.key), m.name, out.length, b.form, m.form, undefined);
        out.push(byIdWithKeys(strategy) ? withoutWrite(m.form, 'id') : m.form);
      }
      continue;
    }
    out.push(mergeItem(ctx, collection, strategy, { key: m.key, index: out.length }, b, m, t));
  }

  for (const b of base) {
    if (b.key === undefined || mineKeys.has(b.key)) continue;
    const t = theirsByKey.get(b.key);
    // I deleted what they edited.
    if (t && !deepEqual(b.write, t.write)) itemConflict(itemPath(b.key), t.name, null, b.form, undefined, t.form);
  }
  for (const t of theirsAdded) if (!used.has(t) && !mineKeys.has(t.key)) out.push(structuredClone(t.form));
  setIn(ctx.values, [collection], out);
}

/** One item both sides still have (or both added under one name), merged key by key. */
function mergeItem(
  ctx: MergeContext,
  collection: string,
  strategy: CollectionStrategy,
  at: { key: string; index: number },
  b: Entry | undefined,
  m: Entry,
  t: Entry,
): Item {
  const item = m.form;
  for (const key of itemKeys(strategy, b?.write, m.write, t.write)) {
    const [bv, mv, tv] = [b?.write[key], m.write[key], t.write[key]];
    if (deepEqual(mv, tv) || (b && deepEqual(bv, tv))) continue;
    const formKeys = formKeysOfItemKey(collection, key);
    if (b && deepEqual(bv, mv)) {
      for (const k of formKeys) setIn(item, [k], structuredClone(t.form[k]));
      continue;
    }
    const fieldPath = `${collection}.*.${key}`;
    const paths = formKeys.map((k) => [k]);
    ctx.conflicts.push({
      path: `${collection}[${at.key}].${key}`,
      fieldPath,
      formPath: `${collection}.${at.index}.${formKeys[0] ?? key}`,
      label: ctx.labelOf(fieldPath, m.name),
      base: b ? formValueAt(b.form, paths) : undefined,
      mine: formValueAt(m.form, paths),
      theirs: formValueAt(t.form, paths),
      take: {
        kind: 'field',
        formPaths: formKeys.map((k) => `${collection}.${at.index}.${k}`),
        values: formKeys.map((k) => structuredClone(t.form[k])),
      },
    });
  }
  return item;
}
