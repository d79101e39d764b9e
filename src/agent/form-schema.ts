import { z } from 'zod';
import {
  CHAT_AGENT_TYPES,
  CONFIG_FIELD_KINDS,
  KB_EXTENSIONS,
  KB_MAX_BYTES,
  LANGUAGE_CODES,
  PROVIDER_CONFIG_FIELDS,
  PROVIDER_TYPES,
  REDACT_FIELDS,
} from './constants';

/**
 * The strict schema of the editor's form values: one react-hook-form over the whole agent.
 * Every string input is a string (empty = unset); JSON-typed fields are their text.
 */

export const E164 = /^\+[1-9]\d{1,14}$/;
const SIP_URI = /^sips?:[^\s@]+@[^\s@]+$/i;
export const MOCK_TOOL_NAME = /^[A-Za-z0-9_-]{1,63}$/;
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isUrl(value: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** True when `text` is empty or parses as JSON. */
export function isJsonText(text: string): boolean {
  if (text.trim() === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const optionalUrl = (protocols: readonly string[], message: string) =>
  z.string().trim().refine((v) => v === '' || isUrl(v, protocols), { error: message });
const httpUrl = optionalUrl(['http:', 'https:'], 'Enter a URL starting with http:// or https://');
const wsUrl = optionalUrl(['ws:', 'wss:'], 'Enter a URL starting with ws:// or wss://');
const jsonText = z.string().refine(isJsonText, { error: 'Enter valid JSON' });
const e164 = z
  .string()
  .trim()
  .refine((v) => v === '' || E164.test(v), { error: 'Use E.164 format, e.g. +14155551234' });

const credentialsSchema = z.object({ username: z.string(), password: z.string() });

export const telephonyFormSchema = z.object({
  phone_number: e164,
  inbound: z.boolean(),
  sip_uri: z
    .string()
    .trim()
    .refine((v) => v === '' || SIP_URI.test(v), { error: 'Use sip:user@domain or sips:user@domain' }),
  sip_auth: credentialsSchema,
  websocket_url: wsUrl,
  websocket_auth: credentialsSchema,
  outbound_numbers: z.array(
    z.object({
      value: z
        .string()
        .trim()
        .regex(E164, { error: 'Use E.164 format, e.g. +14155551234' }),
    }),
  ),
});

// A setting the agent does not have and the user has not touched is `undefined`: a controlled
// input (switch, select, JSON) of the chosen provider registers its path without a value.
const configValue = z.union([z.string(), z.boolean()]).optional();

export const providerFormSchema = z
  .object({
    type: z.enum(PROVIDER_TYPES),
    agent_id: z.string(),
    /** Write-only: empty means "keep the current key". */
    api_key: z.string(),
    config: z.record(z.string(), configValue),
    chat_type: z.enum(CHAT_AGENT_TYPES),
    chat_agent_id: z.string(),
    auto_dial_outbound: z.boolean().nullable(),
    auto_import_calls: z.boolean().nullable(),
    auto_sync_prompt: z.boolean().nullable(),
    send_post_conversation_metadata: z.boolean().nullable(),
    redact_fields: z.array(z.enum(REDACT_FIELDS)),
    /** Write-only: sent only when ticked. */
    configure_from_provider: z.boolean(),
  })
  .superRefine((provider, ctx) => {
    for (const [key, value] of Object.entries(provider.config)) {
      if (typeof value !== 'string' || value === '') continue;
      const kind = CONFIG_FIELD_KINDS.get(key);
      // Server URLs (LiveKit's) are websockets or https; trigger, webhook and base URLs are http(s).
      const websocket = key === 'url' || key === 'livekit_server_url';
      if (kind === 'url' && !isUrl(value, websocket ? ['wss:', 'ws:', 'https:'] : ['http:', 'https:'])) {
        const message = websocket ? 'Enter a URL starting with wss:// or https://' : 'Enter a URL starting with http:// or https://';
        ctx.addIssue({ code: 'custom', path: ['config', key], message });
      }
      if (kind === 'json' && !isJsonText(value)) {
        ctx.addIssue({ code: 'custom', path: ['config', key], message: 'Enter valid JSON' });
      }
    }
    for (const field of PROVIDER_CONFIG_FIELDS[provider.type]) {
      if (field.required && field.kind !== 'secret' && (provider.config[field.key] ?? '') === '') {
        ctx.addIssue({ code: 'custom', path: ['config', field.key], message: `${field.label} is required` });
      }
    }
  });

export const knowledgeBaseFileFormSchema = z
  .object({
    /** Set for a file the server has; absent for a file to upload. */
    id: z.number().int().optional(),
    file_name: z.string(),
    file_size: z.number().int().nonnegative().nullable(),
    /** Base64 content of a file to upload (without a data: prefix). */
    content_base64: z.string().optional(),
  })
  .superRefine((file, ctx) => {
    if (file.id !== undefined) return;
    const ext = file.file_name.split('.').pop()?.toLowerCase() ?? '';
    if (!(KB_EXTENSIONS as readonly string[]).includes(ext)) {
      ctx.addIssue({
        code: 'custom',
        path: ['file_name'],
        message: `Only ${KB_EXTENSIONS.join(', ')} files can be uploaded`,
      });
    }
    if ((file.file_size ?? 0) > KB_MAX_BYTES) {
      ctx.addIssue({ code: 'custom', path: ['file_name'], message: 'Files are limited to 50 MB' });
    }
    if (file.content_base64 === undefined) {
      ctx.addIssue({ code: 'custom', path: ['file_name'], message: 'The file has no content' });
    }
  });

export const mockDataText = jsonText.refine(
  (text) => {
    // Zod runs every check even after one fails: text that is not JSON is the check above's.
    if (text.trim() === '' || !isJsonText(text)) return true;
    const value: unknown = JSON.parse(text);
    return (
      Array.isArray(value) &&
      value.every((pair) => typeof pair === 'object' && pair !== null && 'input' in pair && 'output' in pair)
    );
  },
  { error: 'Mock data is a JSON list of {"input": …, "output": …} pairs' },
);

export const mockToolFormSchema = z
  .object({
    id: z.number().int().optional(),
    name: z
      .string()
      .trim()
      .regex(MOCK_TOOL_NAME, { error: 'Use letters, digits, _ and - (at most 63 characters)' }),
    description: z.string(),
    mock_data: mockDataText,
    freetext_params: z.array(z.object({ value: z.string().trim().min(1, 'Enter a parameter name') })),
    served_via: z.enum(['direct', 'mcp']),
    mock_index: z.number().int().min(1, 'MCP index starts at 1').nullable(),
  })
  .superRefine((tool, ctx) => {
    if (tool.served_via === 'mcp' && tool.mock_index === null) {
      ctx.addIssue({ code: 'custom', path: ['mock_index'], message: 'MCP index is required for MCP tools' });
    }
  });

export const dynamicVariableFormSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(VARIABLE_NAME, { error: 'Start with a letter or _, then letters, digits or _' }),
  description: z.string().trim().min(1, 'Description is required'),
});

function uniqueBy<T>(items: readonly T[], key: (item: T) => string, ctx: z.RefinementCtx, path: string, field: string, message: string) {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const k = key(item);
    if (k === '') return;
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [path, index, field], message });
    else seen.set(k, index);
  });
}

export const agentFormSchema = z
  .object({
    name: z.string().trim().max(255, 'At most 255 characters'),
    description: z.string(),
    project: z.number().int().positive().nullable(),
    language: z.enum(LANGUAGE_CODES, { error: 'Choose a language' }),
    agent_speaks_first: z.enum(['agent', 'caller', 'auto']),
    email_id: z
      .string()
      .trim()
      .max(254, 'At most 254 characters')
      .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'Enter a valid email address' }),
    mock_tools_enabled: z.boolean(),
    /** Write-only JSON: empty means "not entered". */
    predefined_metrics: jsonText,
    webhook_url: httpUrl,
    /** Write-only: empty means "keep the current secret". */
    webhook_secret: z.string(),
    telephony: telephonyFormSchema,
    provider: providerFormSchema,
    knowledge_base_files: z.array(knowledgeBaseFileFormSchema),
    mock_tools: z.array(mockToolFormSchema),
    dynamic_variables: z.array(dynamicVariableFormSchema),
  })
  .superRefine((agent, ctx) => {
    if (agent.name === '' && !agent.provider.configure_from_provider) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Name is required' });
    }
    uniqueBy(agent.mock_tools, (t) => t.name.trim(), ctx, 'mock_tools', 'name', 'Another mock tool has this name');
    uniqueBy(agent.dynamic_variables, (v) => v.name.trim(), ctx, 'dynamic_variables', 'name', 'Another variable has this name');
    // Files the server already has may share a name; a new file may not take an existing name.
    const names = new Map<string, number>();
    for (const f of agent.knowledge_base_files) names.set(f.file_name, (names.get(f.file_name) ?? 0) + 1);
    agent.knowledge_base_files.forEach((f, index) => {
      if (f.id === undefined && (names.get(f.file_name) ?? 0) > 1) {
        ctx.addIssue({ code: 'custom', path: ['knowledge_base_files', index, 'file_name'], message: 'A file with this name is already attached' });
      }
    });
  });

export type AgentFormValues = z.input<typeof agentFormSchema>;
export type TelephonyFormValues = AgentFormValues['telephony'];
export type ProviderFormValues = AgentFormValues['provider'];
export type KnowledgeBaseFileFormValues = AgentFormValues['knowledge_base_files'][number];
export type MockToolFormValues = AgentFormValues['mock_tools'][number];
export type DynamicVariableFormValues = AgentFormValues['dynamic_variables'][number];
