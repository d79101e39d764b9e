import type { ApiAgent } from '../../agent/api-schema';
import { CONFIG_FIELD_KINDS, LANGUAGES, PROVIDER_CONFIG_FIELDS } from '../../agent/constants';
import { isPlainObject } from '../../agent/deep-equal';
import { agentToFormValues, formValuesToWrite } from '../../agent/mapping';
import type { AgentWrite } from '../../agent/write-types';
import { formatBytes } from '../../utils/format-bytes';
import { getPendingFileState, isPendingFileToken } from './knowledge-base/pending-files';

/** One line of the review: what changes, from what, to what, in words. */
export interface ChangeLine {
  path: string;
  label: string;
  before: string;
  after: string;
}

const LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  project: 'Project',
  language: 'Language',
  agent_speaks_first: 'Agent speaks first',
  email_id: 'Email',
  mock_tools_enabled: 'Mock tools enabled',
  predefined_metrics: 'Predefined metrics',
  webhook_url: 'Webhook URL',
  webhook_secret: 'Webhook secret',
  'telephony.phone_number': 'Phone number',
  'telephony.inbound': 'Inbound',
  'telephony.sip_uri': 'SIP URI',
  'telephony.sip_auth': 'SIP auth',
  'telephony.websocket_url': 'WebSocket URL',
  'telephony.websocket_auth': 'WebSocket auth',
  'telephony.outbound_numbers': 'Outbound numbers',
  'provider.type': 'Provider type',
  'provider.agent_id': 'Provider agent ID',
  'provider.credentials.api_key': 'API key',
  'provider.chat_agent_details.type': 'Chat agent type',
  'provider.chat_agent_details.config.agent_id': 'Chat agent ID',
  'provider.auto_dial_outbound': 'Auto-dial outbound',
  'provider.auto_import_calls': 'Auto-import calls',
  'provider.auto_sync_prompt': 'Auto-sync prompt',
  'provider.send_post_conversation_metadata': 'Send post-conversation metadata',
  'provider.redact_fields': 'Redact fields',
  'provider.configure_from_provider': 'Configure from provider',
  knowledge_base_files: 'Knowledge base',
  mock_tools: 'Mock tools',
  dynamic_variables: 'Dynamic variables',
};

const SECRET_PATHS = new Set([
  'webhook_secret',
  'provider.credentials.api_key',
  // Sent whole with their username; the table already says "password hidden".
  'telephony.sip_auth.password',
  'telephony.websocket_auth.password',
]);
const CONFIG_PREFIX = 'provider.credentials.config.';

function isSecretPath(path: string): boolean {
  return SECRET_PATHS.has(path) || (path.startsWith(CONFIG_PREFIX) && CONFIG_FIELD_KINDS.get(path.slice(CONFIG_PREFIX.length)) === 'secret');
}

/** The label of a field of the PATCH body, by its path (`telephony.sip_uri` → "SIP URI"). */
export function fieldLabel(path: string): string {
  if (path.startsWith(CONFIG_PREFIX)) {
    const key = path.slice(CONFIG_PREFIX.length);
    const field = Object.values(PROVIDER_CONFIG_FIELDS).flat().find((f) => f.key === key);
    return `Provider setting: ${field?.label ?? key}`;
  }
  return LABELS[path] ?? path;
}

function inWords(path: string, value: unknown): string {
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

function describeCollection(key: string, before: unknown, after: unknown[]): string {
  const old = (Array.isArray(before) ? before : []).filter(isPlainObject);
  const next = after.filter(isPlainObject);
  const parts: string[] = [];
  if (key === 'dynamic_variables') {
    const oldByName = new Map(old.map((v) => [v.name, v] as const));
    const names = new Set(next.map((v) => v.name));
    const added = next.filter((v) => !oldByName.has(v.name)).map((v) => String(v.name));
    const removed = old.filter((v) => !names.has(v.name)).map((v) => String(v.name));
    const edited = next.filter((v) => oldByName.has(v.name) && oldByName.get(v.name)?.description !== v.description).map((v) => String(v.name));
    if (added.length) parts.push(`adds ${nameList(added)}`);
    if (removed.length) parts.push(`removes ${nameList(removed)}`);
    if (edited.length) parts.push(`changes the description of ${nameList(edited)}`);
  } else {
    const oldById = new Map<unknown, Record<string, unknown>>(old.map((item) => [item.id, item] as const));
    const keptIds = new Set<unknown>(next.map((item) => item.id).filter((id) => id !== undefined));
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const nameOf = (item: Record<string, unknown>) => text(item.name) ?? text(item.file_name) ?? `#${String(item.id)}`;
    const added = next.filter((item) => item.id === undefined).map((item) => text(item.file_name) ?? text(item.name) ?? 'new item');
    const removed = old.filter((item) => !keptIds.has(item.id)).map(nameOf);
    const edited = next
      .filter((item) => item.id !== undefined && Object.keys(item).length > 1)
      .map((item) => {
        const was = oldById.get(item.id);
        const fields = Object.keys(item).filter((k) => k !== 'id').map((k) => k.replace(/_/g, ' '));
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
      if (['knowledge_base_files', 'mock_tools', 'dynamic_variables'].includes(joined) && Array.isArray(value)) {
        // The write shape keeps a file as `{id}` only: name a removed file from the agent as loaded.
        const old = joined === 'knowledge_base_files' ? loaded.knowledge_base_files : at(before, here);
        lines.push({ path: joined, label: fieldLabel(joined), before: '', after: describeCollection(joined, old, value) });
      } else if (isPlainObject(value) && !LABELS[joined] && joined !== 'predefined_metrics') {
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
    if (Array.isArray(node)) return node.map((item) => mask(item, path));
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
