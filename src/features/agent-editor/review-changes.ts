import type { ApiAgent } from '../../agent/api-schema';
import { LANGUAGES } from '../../agent/constants';
import { isPlainObject } from '../../agent/deep-equal';
import { collectionMatch, fieldAt } from '../../agent/field-catalogue';
import { agentToFormValues, formValuesToWrite } from '../../agent/mapping';
import type { AgentWrite } from '../../agent/write-types';
import { formatBytes } from '../../utils/format-bytes';
import { getPendingFileState, isPendingFileToken } from './knowledge-base/pending-files';

/** One line of the review: what changes, from what, to what, in words. */
interface ChangeLine {
  path: string;
  label: string;
  before: string;
  after: string;
}

function isSecretPath(path: string): boolean {
  return fieldAt(path)?.secret === true;
}

/** The label of a field of the PATCH body, by its path (`telephony.sip_uri` → "SIP URI"). */
function fieldLabel(path: string): string {
  return fieldAt(path)?.title || path;
}

/** A value of the field at `path`, in words: quoted text, the language's name, On/Off, hidden secrets. */
export function inWords(path: string, value: unknown): string {
  if (isSecretPath(path)) return value === undefined ? 'unchanged' : 'a new value (hidden)';
  if (path === 'agent_speaks_first') return value === true ? 'Agent' : value === false ? 'Caller' : 'Auto-detect';
  if (path === 'language' && typeof value === 'string') return value in LANGUAGES ? LANGUAGES[value as keyof typeof LANGUAGES] : value;
  if (path === 'project' && typeof value === 'number') return `Project ${value}`;
  if (value === undefined || value === null) return path.startsWith('provider.auto') || path.startsWith('provider.send') ? 'Provider default' : 'not set';
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (typeof value === 'string') return value === '' ? 'empty' : `“${value.length > 80 ? `${value.slice(0, 80)}…` : value}”`;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length === 0 ? 'none' : value.join(', ');
  if (isPlainObject(value) && 'username' in value) return `user “${String(value.username)}”, password hidden`;
  return JSON.stringify(value);
}

function at(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), root);
}

function nameList(items: string[]): string {
  return items.map((n) => `“${n}”`).join(', ');
}

/** What a kept item's changed key is called in the review: its label, in lower case ("mock data"). */
function itemFieldWords(collection: string, key: string): string {
  return fieldAt(`${collection}.*.${key}`)?.label.toLowerCase() ?? key.replace(/_/g, ' ');
}

function describeCollection(key: string, before: unknown, after: unknown[]): string {
  const old = (Array.isArray(before) ? before : []).filter(isPlainObject);
  const next = after.filter(isPlainObject);
  const parts: string[] = [];
  const match = collectionMatch(key) ?? { key: 'id', labelKey: 'name' };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (match.key === 'name') {
    // Matched by name and sent whole: an item is added, removed, or re-described.
    const oldByName = new Map(old.map((v) => [v.name, v] as const));
    const names = new Set(next.map((v) => v.name));
    const added = next.filter((v) => !oldByName.has(v.name)).map((v) => String(v.name));
    const removed = old.filter((v) => !names.has(v.name)).map((v) => String(v.name));
    const edited = next.filter((v) => oldByName.has(v.name) && oldByName.get(v.name)?.description !== v.description).map((v) => String(v.name));
    if (added.length) parts.push(`adds ${nameList(added)}`);
    if (removed.length) parts.push(`removes ${nameList(removed)}`);
    if (edited.length) parts.push(`changes the ${itemFieldWords(key, 'description')} of ${nameList(edited)}`);
  } else {
    const id = match.key;
    const oldById = new Map<unknown, Record<string, unknown>>(old.map((item) => [item[id], item] as const));
    const keptIds = new Set<unknown>(next.map((item) => item[id]).filter((k) => k !== undefined));
    const nameOf = (item: Record<string, unknown>) => text(item[match.labelKey]) ?? `#${String(item[id])}`;
    const added = next.filter((item) => item[id] === undefined).map((item) => text(item[match.labelKey]) ?? 'new item');
    const removed = old.filter((item) => !keptIds.has(item[id])).map(nameOf);
    const edited = next
      .filter((item) => item[id] !== undefined && Object.keys(item).length > 1)
      .map((item) => {
        const was = oldById.get(item[id]);
        const fields = Object.keys(item).filter((k) => k !== id).map((k) => itemFieldWords(key, k));
        return `${was ? nameOf(was) : nameOf(item)} (${fields.join(', ')})`;
      });
    if (added.length) parts.push(`adds ${nameList(added)}`);
    if (removed.length) parts.push(`removes ${nameList(removed)}`);
    if (edited.length) parts.push(`changes ${edited.join('; ')}`);
  }
  return parts.length ? parts.join('; ') : 'same items';
}

/**
 * The changes a PATCH makes to the loaded agent, one line per field, in words.
 *
 * @example describePatch(agent, { telephony: { inbound: true } }) // → [{ label: 'Inbound', before: 'Off', after: 'On', … }]
 */
export function describePatch(loaded: ApiAgent, patch: AgentWrite): ChangeLine[] {
  const before = formValuesToWrite(agentToFormValues(loaded));
  const lines: ChangeLine[] = [];
  const walk = (node: Record<string, unknown>, path: string[]) => {
    for (const [key, value] of Object.entries(node)) {
      const here = [...path, key];
      const joined = here.join('.');
      const kind = fieldAt(joined)?.strategy.kind;
      if (kind === 'collection' && Array.isArray(value)) {
        // The write shape keeps a file as `{id}` only: name a removed file from the agent as loaded.
        const old = joined === 'knowledge_base_files' ? loaded.knowledge_base_files : at(before, here);
        lines.push({ path: joined, label: fieldLabel(joined), before: '', after: describeCollection(joined, old, value) });
      } else if (isPlainObject(value) && kind === 'merge') {
        walk(value, here);
      } else {
        const was = inWords(joined, at(before, here));
        const now = inWords(joined, value);
        // Hidden parts (an auth password) can change while the words stay the same: say so.
        lines.push({ path: joined, label: fieldLabel(joined), before: was, after: now === was ? `${now} (password changed)` : now });
      }
    }
  };
  walk(patch as Record<string, unknown>, []);
  return lines;
}

/** The body as the review shows it: write-only secrets replaced by a mask, base64 content shortened. */
export function maskPatchForDisplay(patch: AgentWrite): unknown {
  const mask = (node: unknown, path: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => mask(item, [...path, '*']));
    if (!isPlainObject(node)) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        const here = [...path, key];
        if (isSecretPath(here.join('.'))) return [key, '•••••• (hidden)'];
        if (key === 'content_base64' && typeof value === 'string') {
          const total = isPendingFileToken(value) ? getPendingFileState(value)?.total : undefined;
          return [key, total === undefined ? `<${value.length.toLocaleString('en')} base64 characters>` : `<the file's ${formatBytes(total)}, base64-encoded>`];
        }
        return [key, mask(value, here)];
      }),
    );
  };
  return mask(patch, []);
}
