import type { ApiAgent, ApiMockTool } from './api-schema';
import { CONFIG_FIELD_KINDS, LANGUAGE_CODES, PROVIDER_TYPES, CHAT_AGENT_TYPES, REDACT_FIELDS } from './constants';
import type { Language, ProviderType, ChatAgentType, RedactField } from './constants';
import { fieldAt } from './field-catalogue';
import type {
  AgentFormValues,
  KnowledgeBaseFileFormValues,
  MockToolFormValues,
  ProviderFormValues,
} from './form-schema';
import type { AgentWrite, KnowledgeBaseFileWrite, MockToolWrite, ProviderWrite, TelephonyWrite } from './write-types';

/**
 * API agent → form values → write shape. The two directions are lossless for everything the
 * form shows; keys the form does not show are never turned into write values.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function credentialsToForm(value: unknown): { username: string; password: string } {
  if (!isRecord(value)) return { username: '', password: '' };
  const username = value.username;
  const password = value.password;
  return {
    username: typeof username === 'string' ? username : '',
    password: typeof password === 'string' ? password : '',
  };
}

function jsonToText(value: unknown): string {
  return value === undefined || value === null ? '' : JSON.stringify(value, null, 2);
}

function speaksFirstToForm(value: boolean | null | undefined): AgentFormValues['agent_speaks_first'] {
  if (value === true) return 'agent';
  if (value === false) return 'caller';
  return 'auto';
}

/** A provider setting the API never returns (a trigger secret): never pre-filled, sent only when typed. */
function isConfigSecret(key: string): boolean {
  return fieldAt(`provider.config.${key}`)?.secret === true;
}

function configToForm(config: Record<string, unknown> | null | undefined): ProviderFormValues['config'] {
  const out: ProviderFormValues['config'] = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    // Write-only secrets are never pre-filled; `<secret>_configured` flags are read-only.
    if (isConfigSecret(key) || key.endsWith('_configured')) continue;
    if (CONFIG_FIELD_KINDS.get(key) === 'json') out[key] = jsonToText(value);
    else if (typeof value === 'string' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

function mockToolToForm(tool: ApiMockTool): MockToolFormValues {
  const servedVia = tool.served_via;
  return {
    id: tool.id,
    name: tool.name ?? '',
    description: tool.description ?? '',
    mock_data: jsonToText(tool.mock_data ?? []),
    freetext_params: (tool.freetext_params ?? []).map((value) => ({ value })),
    served_via: servedVia?.type === 'mcp' ? 'mcp' : 'direct',
    mock_index: servedVia?.mock_index ?? null,
  };
}

/** The form's starting values for a loaded agent. Write-only fields start empty. */
export function agentToFormValues(agent: ApiAgent): AgentFormValues {
  const t = agent.telephony ?? {};
  const p = agent.provider ?? {};
  return {
    name: agent.name ?? '',
    description: agent.description ?? '',
    project: agent.project ?? null,
    language: includes(LANGUAGE_CODES, agent.language) ? agent.language : ('en' satisfies Language),
    agent_speaks_first: speaksFirstToForm(agent.agent_speaks_first),
    email_id: agent.email_id ?? '',
    mock_tools_enabled: agent.mock_tools_enabled ?? false,
    predefined_metrics: '',
    webhook_url: agent.webhook_url ?? '',
    webhook_secret: '',
    telephony: {
      phone_number: t.phone_number ?? '',
      inbound: t.inbound ?? false,
      sip_uri: t.sip_uri ?? '',
      sip_auth: credentialsToForm(t.sip_auth),
      websocket_url: t.websocket_url ?? '',
      websocket_auth: credentialsToForm(t.websocket_auth),
      outbound_numbers: (t.outbound_numbers ?? []).map((value) => ({ value })),
    },
    provider: {
      type: includes<ProviderType>(PROVIDER_TYPES, p.type) ? p.type : '',
      agent_id: p.agent_id ?? '',
      api_key: '',
      config: configToForm(p.credentials?.config),
      chat_type: includes<ChatAgentType>(CHAT_AGENT_TYPES, p.chat_agent_details?.type) ? p.chat_agent_details.type : '',
      chat_agent_id: typeof p.chat_agent_details?.config?.agent_id === 'string' ? p.chat_agent_details.config.agent_id : '',
      auto_dial_outbound: p.auto_dial_outbound ?? null,
      auto_import_calls: p.auto_import_calls ?? null,
      auto_sync_prompt: p.auto_sync_prompt ?? null,
      send_post_conversation_metadata: p.send_post_conversation_metadata ?? null,
      redact_fields: (p.redact_fields ?? []).filter((f): f is RedactField => includes(REDACT_FIELDS, f)),
      configure_from_provider: false,
    },
    knowledge_base_files: (agent.knowledge_base_files ?? []).map(
      (f): KnowledgeBaseFileFormValues => ({ id: f.id, file_name: f.file_name ?? '', file_size: f.file_size ?? null }),
    ),
    mock_tools: (agent.mock_tools ?? []).map(mockToolToForm),
    dynamic_variables: (agent.dynamic_variables ?? []).map((v) => ({ name: v.name, description: v.description ?? '' })),
  };
}

/**
 * JSON text to a value; empty text is `fallback`. Text that is not JSON (yet: the live diff runs
 * on every keystroke) stays text; the form schema keeps it from being saved.
 */
function parseJsonText(text: string, fallback: unknown): unknown {
  if (text.trim() === '') return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function credentialsToWrite(value: { username: string; password: string }): TelephonyWrite['sip_auth'] {
  return value.username === '' && value.password === '' ? null : { username: value.username, password: value.password };
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** Config values as the API holds them: empty strings and write-only secrets left out. */
function configToWrite(config: ProviderFormValues['config']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    if (typeof value === 'boolean') {
      out[key] = value;
      continue;
    }
    if (isConfigSecret(key) || value.trim() === '') continue;
    out[key] = CONFIG_FIELD_KINDS.get(key) === 'json' ? parseJsonText(value, null) : value.trim();
  }
  return out;
}

function configSecretsToWrite(config: ProviderFormValues['config']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (isConfigSecret(key) && typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

function providerToWrite(p: ProviderFormValues): ProviderWrite {
  const credentials: NonNullable<ProviderWrite['credentials']> = {
    config: { ...configToWrite(p.config), ...configSecretsToWrite(p.config) },
  };
  if (p.api_key !== '') credentials.api_key = p.api_key;
  const out: ProviderWrite = {
    type: p.type,
    agent_id: orNull(p.agent_id),
    credentials,
    chat_agent_details: { type: p.chat_type, config: { agent_id: p.chat_agent_id.trim() } },
    auto_dial_outbound: p.auto_dial_outbound,
    auto_import_calls: p.auto_import_calls,
    auto_sync_prompt: p.auto_sync_prompt,
    send_post_conversation_metadata: p.send_post_conversation_metadata,
    redact_fields: [...p.redact_fields],
  };
  if (p.configure_from_provider) out.configure_from_provider = true;
  return out;
}

function knowledgeBaseFileToWrite(f: KnowledgeBaseFileFormValues): KnowledgeBaseFileWrite {
  return f.id !== undefined ? { id: f.id } : { file_name: f.file_name, content_base64: f.content_base64 ?? '' };
}

function mockToolToWrite(tool: MockToolFormValues): MockToolWrite {
  const out: MockToolWrite = {
    name: tool.name.trim(),
    description: tool.description,
    mock_data: parseJsonText(tool.mock_data, []),
    freetext_params: tool.freetext_params.map((p) => p.value.trim()),
    served_via:
      tool.served_via === 'mcp' ? { type: 'mcp', mock_index: tool.mock_index ?? 1 } : { type: 'direct' },
  };
  return tool.id !== undefined ? { id: tool.id, ...out } : out;
}

/** How each of the form's top-level values is written (the write key is the form's key); `undefined` = not sent. */
const WRITERS: { [K in keyof AgentFormValues & keyof AgentWrite]-?: (values: AgentFormValues) => AgentWrite[K] | undefined } = {
  name: (v) => v.name.trim(),
  description: (v) => v.description,
  project: (v) => v.project,
  language: (v) => v.language,
  agent_speaks_first: (v) => (v.agent_speaks_first === 'auto' ? null : v.agent_speaks_first === 'agent'),
  email_id: (v) => orNull(v.email_id),
  mock_tools_enabled: (v) => v.mock_tools_enabled,
  webhook_url: (v) => v.webhook_url.trim(),
  telephony: ({ telephony: t }) => ({
    phone_number: t.phone_number.trim(),
    inbound: t.inbound,
    sip_uri: orNull(t.sip_uri),
    sip_auth: credentialsToWrite(t.sip_auth),
    websocket_url: orNull(t.websocket_url),
    websocket_auth: credentialsToWrite(t.websocket_auth),
    outbound_numbers: t.outbound_numbers.map((n) => n.value.trim()),
  }),
  provider: (v) => providerToWrite(v.provider),
  knowledge_base_files: (v) => v.knowledge_base_files.map(knowledgeBaseFileToWrite),
  mock_tools: (v) => v.mock_tools.map(mockToolToWrite),
  dynamic_variables: (v) => v.dynamic_variables.map((d) => ({ name: d.name.trim(), description: d.description.trim() })),
  predefined_metrics: (v) => (v.predefined_metrics.trim() !== '' ? parseJsonText(v.predefined_metrics, null) : undefined),
  webhook_secret: (v) => (v.webhook_secret !== '' ? v.webhook_secret : undefined),
};

/** The form's top-level keys that are written, in the order a PATCH lists them. */
export const WRITTEN_FORM_KEYS = Object.keys(WRITERS) as (keyof typeof WRITERS)[];
export type WrittenFormKey = (typeof WRITTEN_FORM_KEYS)[number];

/** One top-level value of the form as written (`undefined` when it is not sent), for diffing a part. */
export function formValueToWrite<K extends WrittenFormKey>(values: AgentFormValues, key: K): AgentWrite[K] | undefined {
  return (WRITERS[key] as (values: AgentFormValues) => AgentWrite[K] | undefined)(values);
}

/**
 * The whole agent as the form would write it: every field the form shows, plus the
 * write-only ones the user entered. `buildAgentPatch` diffs two of these.
 */
export function formValuesToWrite(values: AgentFormValues): AgentWrite {
  const out: Record<string, unknown> = {};
  for (const key of WRITTEN_FORM_KEYS) {
    const value = formValueToWrite(values, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
