import { AGENT_PATCH_STRATEGY } from './patch-strategy';
import type { CollectionMatch, SectionId, Strategy } from './patch-strategy';

/**
 * Questions about the agent's fields, answered from the one table in `patch-strategy.ts`:
 * a field's label, tab, secrecy and PATCH strategy by its path, in a PATCH body or in the form.
 */

export interface FieldRow {
  /** The field's path in a PATCH body; `*` stands for an item's index (`mock_tools.*.name`). */
  path: string;
  /** Its path in the form's values (`provider.api_key` for `provider.credentials.api_key`). */
  formPath: string;
  /** The label the editor shows; `''` for a wrapper the editor does not show (`provider.credentials`). */
  label: string;
  /** The label with its group, for lists that mix tabs: "Provider setting: Trigger secret". */
  title: string;
  section: SectionId;
  /** Masked in the review, never kept in a draft, never logged. */
  secret: boolean;
  strategy: Strategy;
}

interface Context {
  path: string[];
  formPath: string[];
  section: SectionId | undefined;
  group: string | undefined;
}

const byPath = new Map<string, FieldRow>();
const byFormPath = new Map<string, FieldRow>();
const rows: FieldRow[] = [];

function resolveFormKey(parent: readonly string[], formKey: string): string[] {
  const out = [...parent];
  for (const segment of formKey.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '') out.push(segment);
  }
  return out;
}

function childrenOf(strategy: Strategy): [string, Strategy][] {
  switch (strategy.kind) {
    case 'merge':
      return Object.entries(strategy.fields);
    case 'collection':
      return Object.entries(strategy.item).map(([key, child]) => [`*.${key}`, child]);
    case 'replace':
      return Object.entries(strategy.parts ?? {});
    case 'writeOnly':
      return [];
  }
}

function add(key: string, strategy: Strategy, parent: Context): void {
  const section = strategy.section ?? parent.section;
  if (section === undefined) throw new Error(`The field catalogue gives no section for ${[...parent.path, key].join('.')}`);
  const keys = key.split('.');
  const path = [...parent.path, ...keys];
  // An item's fields sit under its index in the form too; a field's own `formKey` moves it.
  const formParent = keys.length > 1 ? [...parent.formPath, ...keys.slice(0, -1)] : parent.formPath;
  const formPath = resolveFormKey(formParent, strategy.formKey ?? keys[keys.length - 1] ?? '');
  const label = strategy.label ?? '';
  const row: FieldRow = {
    path: path.join('.'),
    formPath: formPath.join('.'),
    label,
    title: parent.group !== undefined && label !== '' ? `${parent.group}: ${label}` : label,
    section,
    secret: strategy.secret === true,
    strategy,
  };
  rows.push(row);
  byPath.set(row.path, row);
  // A wrapper the form flattens (`formKey: ''`) shares its parent's place there: not its row.
  if (strategy.formKey !== '') byFormPath.set(row.formPath, row);
  if (strategy.kind === 'replace' && strategy.formItem !== undefined) {
    byPath.set(`${row.path}.*`, row);
    byFormPath.set(`${row.formPath}.*.${strategy.formItem}`, row);
  }
  const context: Context = { path, formPath, section, group: strategy.group ?? parent.group };
  for (const [childKey, child] of childrenOf(strategy)) add(childKey, child, context);
}

for (const [key, strategy] of Object.entries(AGENT_PATCH_STRATEGY.fields)) {
  add(key, strategy, { path: [], formPath: [], section: undefined, group: undefined });
}

function normalize(path: string): string {
  return path
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? '*' : segment))
    .join('.');
}

/** A key of a merged object that only its `rest` strategy knows (a provider setting of another type). */
function restRow(path: string): FieldRow | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  const parent = byPath.get(path.slice(0, dot)) ?? byFormPath.get(path.slice(0, dot));
  if (parent?.strategy.kind !== 'merge' || parent.strategy.rest === undefined) return undefined;
  const key = path.slice(dot + 1);
  const group = parent.strategy.group;
  return {
    path: `${parent.path}.${key}`,
    formPath: `${parent.formPath}.${key}`,
    label: key,
    title: group === undefined ? key : `${group}: ${key}`,
    section: parent.section,
    secret: false,
    strategy: parent.strategy.rest,
  };
}

/**
 * The field at a path of a PATCH body or of the form's values; indices may be numbers or `*`.
 *
 * @example fieldAt('telephony.sip_auth.password') // → { label: 'Password', section: 'telephony', secret: true, … }
 * @example fieldAt('provider.api_key')?.path // → 'provider.credentials.api_key'
 */
export function fieldAt(path: string): FieldRow | undefined {
  const key = normalize(path);
  const row = byPath.get(key) ?? byFormPath.get(key) ?? restRow(key);
  if (row) return row;
  // An item of a plain list (`provider.redact_fields.0`) belongs to the list.
  if (key.endsWith('.*')) {
    const list = fieldAt(key.slice(0, -2));
    return list?.strategy.kind === 'replace' ? list : undefined;
  }
  return undefined;
}

/**
 * Where the form shows a message about the value at a PATCH path (a DRF error's path): the
 * field's place in the form, or where the catalogue says its messages go. Unknown paths stay.
 *
 * @example formPathOfMessage('mock_tools.2.served_via.mock_index') // → 'mock_tools.2.mock_index'
 * @example formPathOfMessage('telephony.sip_auth') // → 'telephony.sip_auth.username'
 */
export function formPathOfMessage(path: string): string {
  const segments = path.split('.');
  const indices = segments.filter((s) => /^\d+$/.test(s));
  const fill = (pattern: string) => {
    let i = 0;
    return pattern
      .split('.')
      .map((s) => (s === '*' ? (indices[i++] ?? s) : s))
      .join('.');
  };
  const key = normalize(path);
  // An item of a list the form keeps as `{value}` items (outbound numbers).
  const list = key.endsWith('.*') ? byPath.get(key.slice(0, -2)) : undefined;
  if (list?.strategy.kind === 'replace' && list.strategy.formItem !== undefined) {
    return `${fill(list.formPath)}.${segments[segments.length - 1] ?? ''}.${list.strategy.formItem}`;
  }
  const row = byPath.get(key) ?? restRow(key);
  if (!row) return path;
  const errorsAt = row.strategy.errorsAt;
  return fill(errorsAt === undefined ? row.formPath : resolveFormKey(row.formPath.split('.'), errorsAt).join('.'));
}

/** The tab that shows the field at a path (of the form or of a PATCH body), if any. */
export function sectionOf(path: string): SectionId | undefined {
  return fieldAt(path.split('.')[0] ?? '')?.section;
}

/** The top-level fields a tab shows, in the table's order. */
export function fieldsOfSection(section: SectionId): string[] {
  return Object.keys(AGENT_PATCH_STRATEGY.fields).filter((key) => sectionOf(key) === section);
}

/** How the items of a full-set collection (`mock_tools`) match, or `undefined` for a field that is not one. */
export function collectionMatch(key: string): CollectionMatch | undefined {
  const strategy = AGENT_PATCH_STRATEGY.fields[key];
  return strategy?.kind === 'collection' ? strategy.match : undefined;
}

/** What one item of a full-set collection is called in sentences ("variable"), or `undefined`. */
export function collectionItemNoun(key: string): string | undefined {
  const strategy = AGENT_PATCH_STRATEGY.fields[key];
  return strategy?.kind === 'collection' ? strategy.itemNoun : undefined;
}

/**
 * The form's lists of items at a fixed place (not inside another item): the full-set collections
 * and the plain lists the form keeps as `{[formItem]: value}` items (outbound numbers). Their
 * form paths, as react-hook-form names the field arrays the editor edits them with.
 *
 * @example formItemLists() // → ['telephony.outbound_numbers', 'knowledge_base_files', …]
 */
export function formItemLists(): readonly string[] {
  return rows
    .filter((row) => row.strategy.kind === 'collection' || (row.strategy.kind === 'replace' && row.strategy.formItem !== undefined))
    .map((row) => row.formPath)
    .filter((formPath) => !formPath.split('.').includes('*'));
}

/** Every secret field: masked in the review, never kept in a draft. */
export function secretFields(): readonly FieldRow[] {
  return rows.filter((row) => row.secret);
}
