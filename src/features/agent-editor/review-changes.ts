import type { ApiAgent } from '../../agent/api-schema';
import { LANGUAGES } from '../../agent/constants';
import { isPlainObject } from '../../agent/deep-equal';
import { collectionItemNoun, collectionMatch, fieldAt } from '../../agent/field-catalogue';
import { agentToFormValues, formValuesToWrite } from '../../agent/mapping';
import { optionLabel, platformLabel, redactFieldLabel, SERVED_VIA_OPTIONS, SPEAKS_FIRST_OPTIONS } from '../../agent/options';
import { SECRET_STATUS_WORDS, secretStatus } from '../../agent/secret-status';
import type { AgentWrite } from '../../agent/write-types';
import { formatBytes } from '../../utils/format-bytes';
import { getPendingFileState, isPendingFileToken } from './knowledge-base/pending-files';

/** One line of the review: what changes, from what, to what, in words. */
export interface ChangeLine {
  /** The field's path in the catalogue (an item's field as `dynamic_variables.*.description`). */
  path: string;
  /** The field's catalogue title. */
  label: string;
  /** What the review's Field column says: the label, or which item and key ("Variable `plan`: description"). */
  field: string;
  before: string;
  after: string;
  /** The whole value, when `before` / `after` is shortened. */
  beforeFull?: string;
  afterFull?: string;
}

/** Words for a value: what the review shows, and the whole text when that is shortened. */
interface Words {
  text: string;
  full?: string;
}

/** Longer text is shortened in a review line, with the whole of it one click away. */
const SHORT_TEXT = 80;

function quoted(text: string): Words {
  if (text === '') return { text: '(empty)' };
  if (text.length <= SHORT_TEXT) return { text: `“${text}”` };
  return { text: `“${text.slice(0, SHORT_TEXT)}…”`, full: `“${text}”` };
}

/** The label of the field at `path` (`telephony.sip_uri` → "SIP URI"). */
function fieldLabel(path: string): string {
  return fieldAt(path)?.title || path;
}

/** The option label of a select's value, for the fields whose options the editor names. */
function choiceWords(path: string, value: string): string | undefined {
  if (path === 'language') return value in LANGUAGES ? LANGUAGES[value as keyof typeof LANGUAGES] : value;
  if (path === 'provider.type' || path === 'provider.chat_agent_details.type') return platformLabel(value);
  return undefined;
}

function words(path: string, value: unknown): Words {
  const row = fieldAt(path);
  if (row?.secret === true) return { text: value === undefined ? 'unchanged' : 'hidden' };
  if (path === 'agent_speaks_first') return { text: optionLabel(SPEAKS_FIRST_OPTIONS, value === true ? 'agent' : value === false ? 'caller' : 'auto') };
  if (path === 'project' && typeof value === 'number') return { text: `Project ${value}` };
  if (path === 'provider.configure_from_provider') return { text: value === true ? 'Yes' : 'No' };
  if (path === 'provider.redact_fields' && Array.isArray(value)) {
    return { text: value.length === 0 ? 'none' : value.map((v) => redactFieldLabel(String(v))).join(', ') };
  }
  if (/^mock_tools\.\*\.served_via$/.test(path) && isPlainObject(value)) {
    const label = optionLabel(SERVED_VIA_OPTIONS, typeof value.type === 'string' ? value.type : 'direct');
    return { text: value.type === 'mcp' && typeof value.mock_index === 'number' ? `${label} #${value.mock_index}` : label };
  }
  if (value === undefined || value === null) {
    return { text: path.startsWith('provider.auto') || path.startsWith('provider.send') ? 'Provider default' : '(empty)' };
  }
  if (typeof value === 'boolean') return { text: value ? 'On' : 'Off' };
  if (typeof value === 'string') {
    const choice = choiceWords(path, value);
    return choice === undefined ? quoted(value) : { text: choice };
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { text: value.length === 0 ? 'none' : value.join(', ') };
  const json = JSON.stringify(value);
  return json.length <= SHORT_TEXT ? { text: json } : { text: `${json.slice(0, SHORT_TEXT)}…`, full: json };
}

/**
 * A value of the field at `path`, in words: quoted text, an option's label ("Vapi", "English"),
 * On/Off, "(empty)"; longer text shortened with an ellipsis.
 *
 * @example inWords('provider.type', 'retell') // → 'Retell'
 */
export function inWords(path: string, value: unknown): string {
  // The history's words for nothing ("empty", "not set"); the review says "(empty)".
  if (value === '' && fieldAt(path)?.secret !== true) return 'empty';
  if ((value === null || value === undefined) && !/^provider\.(auto|send)/.test(path) && path !== 'agent_speaks_first') return 'not set';
  return words(path, value).text;
}

function line(path: string, field: string, before: Words, after: Words): ChangeLine {
  const out: ChangeLine = { path, label: fieldLabel(path), field, before: before.text, after: after.text };
  if (before.full !== undefined || after.full !== undefined) {
    out.beforeFull = before.full ?? before.text;
    out.afterFull = after.full ?? after.text;
  }
  return out;
}

/** A secret's line: whether one was set, and Set / Replaced / Cleared. Never its value. */
function secretLine(loaded: ApiAgent, path: string, field: string, value: unknown): ChangeLine {
  const status = secretStatus(loaded, path);
  const after = value === '' || value === null || value === undefined ? 'Cleared' : status === 'set' ? 'Replaced' : 'Set';
  return line(path, field, { text: SECRET_STATUS_WORDS[status] }, { text: after });
}

function at(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), root);
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A username and password, replaced whole: a line for the username and one for the password. */
function credentialLines(loaded: ApiAgent, path: string, before: unknown, after: unknown): ChangeLine[] {
  const parentLabel = fieldLabel(path);
  const part = (value: unknown, key: string): unknown => (isPlainObject(value) ? value[key] : undefined);
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const lines: ChangeLine[] = [];
  if (text(part(before, 'username')) !== text(part(after, 'username'))) {
    const p = `${path}.username`;
    lines.push(line(p, `${parentLabel} ${fieldLabel(p).toLowerCase()}`, quoted(text(part(before, 'username'))), quoted(text(part(after, 'username')))));
  }
  if (text(part(before, 'password')) !== text(part(after, 'password'))) {
    const p = `${path}.password`;
    lines.push(secretLine(loaded, p, `${parentLabel} ${fieldLabel(p).toLowerCase()}`, text(part(after, 'password'))));
  }
  return lines;
}

/** An item's name as the review says it; a new item without one yet says so. */
function itemName(item: Record<string, unknown> | undefined, labelKey: string, fallback: string): string {
  const name = item?.[labelKey];
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : fallback;
}

/**
 * A collection's lines: each item added or removed by name ("Added variable `order_id`"), and
 * each changed key of a kept item ("Variable `plan`: description", before → after).
 */
function collectionLines(key: string, old: unknown, sent: unknown[], beforeWrite: unknown): ChangeLine[] {
  const match = collectionMatch(key) ?? { key: 'id', labelKey: 'name' };
  const noun = collectionItemNoun(key) ?? 'item';
  const label = fieldLabel(key);
  const previous = (Array.isArray(old) ? old : []).filter(isPlainObject);
  const oldWrite = (Array.isArray(beforeWrite) ? beforeWrite : []).filter(isPlainObject);
  const next = sent.filter(isPlainObject);
  const id = match.key;
  const keyOf = (item: Record<string, unknown>): unknown => item[id] ?? (match.orKey === undefined ? undefined : item[match.orKey]);
  const previousByKey = new Map(previous.map((item) => [keyOf(item), item] as const));
  const oldWriteByKey = new Map(oldWrite.map((item) => [keyOf(item), item] as const));
  const kept = new Set<unknown>(next.map(keyOf).filter((k) => k !== undefined && previousByKey.has(k)));
  const nameOf = (item: Record<string, unknown> | undefined) => itemName(item, match.labelKey, '(no name yet)');
  const lines: ChangeLine[] = [];
  const whole = (after: string) => lines.push({ path: key, label, field: label, before: '', after });

  for (const item of next) {
    const itemKey = keyOf(item);
    const was = itemKey === undefined ? undefined : previousByKey.get(itemKey);
    if (was === undefined) {
      whole(`Added ${noun} ${nameOf(item)}`);
      continue;
    }
    const wasWritten = oldWriteByKey.get(itemKey) ?? was;
    for (const [field, value] of Object.entries(item)) {
      if (field === id || JSON.stringify(value) === JSON.stringify(wasWritten[field])) continue;
      const path = `${key}.*.${field}`;
      const fieldWords = (fieldAt(path)?.label ?? field.replace(/_/g, ' ')).toLowerCase();
      lines.push(line(path, `${capitalized(noun)} ${nameOf(was)}: ${fieldWords}`, words(path, wasWritten[field]), words(path, value)));
    }
  }
  for (const item of previous) {
    if (!kept.has(keyOf(item))) whole(`Removed ${noun} ${itemName(item, match.labelKey, `#${String(keyOf(item))}`)}`);
  }
  if (lines.length === 0) whole('Same items, in a new order');
  return lines;
}

/**
 * The changes a PATCH makes to the loaded agent, in words: one line per field, per item of a
 * collection and per changed key of a kept item; secrets as Set / Replaced / Cleared only.
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
      const row = fieldAt(joined);
      const strategy = row?.strategy;
      if (strategy?.kind === 'collection' && Array.isArray(value)) {
        // The write shape keeps a file as `{id}` only: name a removed file from the agent as loaded.
        const old = joined === 'knowledge_base_files' ? loaded.knowledge_base_files : at(before, here);
        lines.push(...collectionLines(joined, old, value, at(before, here)));
      } else if (isPlainObject(value) && strategy?.kind === 'merge') {
        walk(value, here);
      } else if (row?.secret === true) {
        lines.push(secretLine(loaded, joined, fieldLabel(joined), value));
      } else if (strategy?.kind === 'replace' && strategy.parts?.password !== undefined) {
        const parts = credentialLines(loaded, joined, at(before, here), value);
        lines.push(...(parts.length > 0 ? parts : [line(joined, fieldLabel(joined), { text: 'set' }, { text: value === null ? '(empty)' : 'changed' })]));
      } else {
        lines.push(line(joined, fieldLabel(joined), words(joined, at(before, here)), words(joined, value)));
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
        if (fieldAt(here.join('.'))?.secret === true) return [key, '•••••• (hidden)'];
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

/**
 * The size of the PATCH body as it is sent, in bytes: a file waiting to upload counts as its
 * base64 text (the body holds a token for it until the save splices the file in).
 *
 * @example formatBytes(patchBodySize({ name: 'A' })) // → '12 B'
 */
export function patchBodySize(patch: AgentWrite): number {
  let spliced = 0;
  const json = JSON.stringify(patch, (key, value: unknown) => {
    if (key === 'content_base64' && isPendingFileToken(value)) {
      const total = getPendingFileState(value)?.total ?? 0;
      spliced += Math.ceil(total / 3) * 4;
      return '';
    }
    return value;
  });
  return new TextEncoder().encode(json).length + spliced;
}
