import { z } from 'zod';
import type { ApiAgent } from './api-schema';
import { deepEqual } from './deep-equal';
import { agentToFormValues } from './mapping';
import { CHAT_AGENT_TYPES, CONFIG_FIELD_KINDS, CONFIG_URL_KINDS, LANGUAGE_CODES, PROVIDER_CONFIG_FIELDS, PROVIDER_TYPES, REDACT_FIELDS } from './constants';
import {
  E164_RULE,
  isUrlOfKind,
  KNOWLEDGE_BASE_FILE_RULE,
  MOCK_TOOL_NAME_RULE,
  SIP_URI_RULE,
  URL_KINDS,
  VARIABLE_NAME_RULE,
} from './rules';
import type { UrlKind } from './rules';

/**
 * The strict schema of the editor's form values: one react-hook-form over the whole agent.
 * Every string input is a string (empty = unset); JSON-typed fields are their text.
 */

/** True when `text` is empty or parses as JSON. */
function isJsonText(text: string): boolean {
  if (text.trim() === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const optionalUrl = (kind: UrlKind) =>
  z.string().trim().refine((v) => v === '' || isUrlOfKind(v, kind), { error: URL_KINDS[kind].message });
const jsonText = z.string().refine(isJsonText, { error: 'Enter valid JSON' });
const e164 = z
  .string()
  .trim()
  .refine((v) => v === '' || E164_RULE.pattern.test(v), { error: E164_RULE.message });

const credentialsSchema = z.object({ username: z.string(), password: z.string() });

const telephonyFormSchema = z.object({
  phone_number: e164,
  inbound: z.boolean(),
  sip_uri: z
    .string()
    .trim()
    .refine((v) => v === '' || SIP_URI_RULE.pattern.test(v), { error: SIP_URI_RULE.message }),
  sip_auth: credentialsSchema,
  websocket_url: optionalUrl('websocket'),
  websocket_auth: credentialsSchema,
  outbound_numbers: z.array(
    z.object({
      value: z
        .string()
        .trim()
        .regex(E164_RULE.pattern, { error: E164_RULE.message }),
    }),
  ),
});

// A setting the agent does not have and the user has not touched is `undefined`: a controlled
// input (switch, select, JSON) of the chosen provider registers its path without a value.
const configValue = z.union([z.string(), z.boolean()]).optional();

const providerFormSchema = z
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
      const urlKind = CONFIG_URL_KINDS.get(key) ?? 'http';
      if (kind === 'url' && !isUrlOfKind(value, urlKind)) {
        ctx.addIssue({ code: 'custom', path: ['config', key], message: URL_KINDS[urlKind].message });
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

const knowledgeBaseFileFormSchema = z
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
    if (!KNOWLEDGE_BASE_FILE_RULE.hasAllowedType(file.file_name)) {
      ctx.addIssue({ code: 'custom', path: ['file_name'], message: KNOWLEDGE_BASE_FILE_RULE.messages.type });
    }
    if ((file.file_size ?? 0) > KNOWLEDGE_BASE_FILE_RULE.maxBytes) {
      ctx.addIssue({ code: 'custom', path: ['file_name'], message: KNOWLEDGE_BASE_FILE_RULE.messages.size });
    }
    if (file.content_base64 === undefined) {
      ctx.addIssue({ code: 'custom', path: ['file_name'], message: 'The file has no content' });
    }
  });

const mockDataText = jsonText.refine(
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

const mockToolFormSchema = z
  .object({
    id: z.number().int().optional(),
    name: z
      .string()
      .trim()
      .regex(MOCK_TOOL_NAME_RULE.pattern, { error: MOCK_TOOL_NAME_RULE.message }),
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

// The same input type as `mockToolFormSchema`, without its rules: those run in the agent
// schema, only on tools that will be sent as edited (see `agentFormSchemaFor`).
const mockToolValuesSchema = z.object({
  id: z.number().optional(),
  name: z.string(),
  description: z.string(),
  mock_data: z.string(),
  freetext_params: z.array(z.object({ value: z.string() })),
  served_via: z.enum(['direct', 'mcp']),
  mock_index: z.number().nullable(),
});

/**
 * Why a mock tool as the server sent it could not be saved as it is (no name, mock data that is
 * not a JSON list of pairs…): the first message of each field, by field. Empty when valid.
 *
 * @example mockToolProblems({ ...tool, name: '' }) // → { name: 'Use letters, digits, _ and -, under 64 characters' }
 */
export function mockToolProblems(tool: z.input<typeof mockToolFormSchema>): Record<string, string> {
  const result = mockToolFormSchema.safeParse(tool);
  const out: Record<string, string> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    out[key] ??= issue.message;
  }
  return out;
}

const dynamicVariableFormSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(VARIABLE_NAME_RULE.pattern, { error: VARIABLE_NAME_RULE.message }),
  description: z.string().trim().min(1, 'Description is required'),
});

function uniqueBy<T>(
  items: readonly T[],
  key: (item: T) => string,
  ctx: z.RefinementCtx,
  path: string,
  field: string,
  message: string,
  untouched: (index: number) => boolean = () => false,
) {
  const seen = new Map<string, number>();
  const flagged = new Set<number>();
  items.forEach((item, index) => {
    const k = key(item);
    if (k === '') return;
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, index);
      return;
    }
    // Two tools the server sent as they are: not this save's to refuse. Else flag the edited one.
    if (untouched(index) && untouched(first)) return;
    const at = untouched(index) ? first : index;
    if (!flagged.has(at)) ctx.addIssue({ code: 'custom', path: [path, at, field], message });
    flagged.add(at);
  });
}

/** Whether a mock tool's values are exactly as `loaded` holds it (it is then sent as `{id}` only). */
type MockToolInput = z.input<typeof mockToolFormSchema>;

function untouchedToolOf(loaded?: ApiAgent): (tool: MockToolInput) => boolean {
  // Built on first use: a save that sends no mock tools never maps a large agent's tools.
  let asLoaded: Map<number | undefined, MockToolInput> | undefined;
  return (tool) => {
    if (tool.id === undefined) return false;
    asLoaded ??= new Map((loaded === undefined ? [] : agentToFormValues(loaded).mock_tools).map((t) => [t.id, t] as const));
    return deepEqual(tool, asLoaded.get(tool.id));
  };
}

/** The rules beyond each field's own: a tool's rules (edited tools only) and the rules across fields, for the parts `has` names. */
function refineAgent(
  agent: z.output<typeof agentFormObject>,
  ctx: z.RefinementCtx,
  untouchedTool: (tool: MockToolInput) => boolean,
  has: (key: AgentFormKey) => boolean,
) {
  if (has('mock_tools')) {
    agent.mock_tools.forEach((tool, index) => {
      if (untouchedTool(tool)) return;
      const result = mockToolFormSchema.safeParse(tool);
      if (result.success) return;
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['mock_tools', index, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
      }
    });
  }
  checkAgent(
    agent,
    ctx,
    (index) => {
      const tool = agent.mock_tools[index];
      return tool !== undefined && untouchedTool(tool);
    },
    has,
  );
}

/**
 * The form schema for editing `loaded`: a mock tool whose values are exactly as loaded is sent
 * as `{id}` only, so the rules of a tool do not apply to it (a tool the server holds with no
 * name or invalid mock data must not block every save); each tool the user added or edited is
 * checked in full. Without `loaded`, every tool is checked.
 *
 * @example useForm({ resolver: zodResolver(agentFormSchemaFor(agent)), defaultValues: agentToFormValues(agent) })
 */
export function agentFormSchemaFor(loaded?: ApiAgent) {
  const untouchedTool = untouchedToolOf(loaded);
  return agentFormObject.superRefine((agent, ctx) => refineAgent(agent, ctx, untouchedTool, () => true));
}

/** A top-level part of the form (`name`, `telephony`, `dynamic_variables`…). */
export type AgentFormKey = keyof z.input<typeof agentFormObject>;

/**
 * The schema a save checks the form with: only the parts in `keys` (those the save sends, so
 * those the user changed) are checked, by the same rules as `agentFormSchemaFor(loaded)` (a rule
 * across parts runs when one of its parts is in `keys`); every other part passes through as it
 * is: it is not sent, so an untouched value of the server's never blocks a save, and a large
 * agent's untouched collections cost nothing to check.
 *
 * @example zodResolver(agentFormSchemaForParts(agent, new Set(['description'])))
 */
export function agentFormSchemaForParts(loaded: ApiAgent | undefined, keys: ReadonlySet<AgentFormKey>) {
  const untouchedTool = untouchedToolOf(loaded);
  const mask: { [K in AgentFormKey]?: true } = {};
  for (const key of keys) mask[key] = true;
  const has = (key: AgentFormKey) => keys.has(key);
  return agentFormObject
    .pick(mask)
    .loose()
    .superRefine((agent, ctx) => {
      // The parts not in `keys` pass through unchecked, as the form holds them (same types).
      refineAgent(agent, ctx, untouchedTool, has);
    });
}

const agentFormObject = z
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
    webhook_url: optionalUrl('http'),
    /** Write-only: empty means "keep the current secret". */
    webhook_secret: z.string(),
    telephony: telephonyFormSchema,
    provider: providerFormSchema,
    knowledge_base_files: z.array(knowledgeBaseFileFormSchema),
    mock_tools: z.array(mockToolValuesSchema),
    dynamic_variables: z.array(dynamicVariableFormSchema),
  });

/**
 * The rules across fields, those of the parts `has` names; `untouchedTool(i)`: mock tool `i` is
 * exactly as loaded.
 */
function checkAgent(
  agent: z.output<typeof agentFormObject>,
  ctx: z.RefinementCtx,
  untouchedTool: (index: number) => boolean,
  has: (key: AgentFormKey) => boolean,
) {
  // The name as checked is trimmed; a name not checked this time is as typed.
  if ((has('name') || has('provider')) && agent.name.trim() === '' && !agent.provider.configure_from_provider) {
    ctx.addIssue({ code: 'custom', path: ['name'], message: 'Name is required' });
  }
  if (has('mock_tools')) {
    uniqueBy(agent.mock_tools, (t) => t.name.trim(), ctx, 'mock_tools', 'name', 'Another mock tool has this name', untouchedTool);
  }
  if (has('dynamic_variables')) {
    uniqueBy(agent.dynamic_variables, (v) => v.name.trim(), ctx, 'dynamic_variables', 'name', 'Another variable has this name');
  }
  if (!has('knowledge_base_files')) return;
  // Files the server already has may share a name; a new file may not take an existing name.
  const names = new Map<string, number>();
  for (const f of agent.knowledge_base_files) names.set(f.file_name, (names.get(f.file_name) ?? 0) + 1);
  agent.knowledge_base_files.forEach((f, index) => {
    if (f.id === undefined && (names.get(f.file_name) ?? 0) > 1) {
      ctx.addIssue({ code: 'custom', path: ['knowledge_base_files', index, 'file_name'], message: 'A file with this name is already attached' });
    }
  });
}

/** The form schema that checks every mock tool (no agent as loaded to compare with). */
export const agentFormSchema = agentFormSchemaFor();

export type AgentFormValues = z.input<typeof agentFormSchema>;
export type ProviderFormValues = AgentFormValues['provider'];
export type KnowledgeBaseFileFormValues = AgentFormValues['knowledge_base_files'][number];
export type MockToolFormValues = AgentFormValues['mock_tools'][number];
