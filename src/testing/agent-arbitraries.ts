import fc from 'fast-check';
import type { ApiAgent } from '../agent/api-schema';
import {
  CHAT_AGENT_TYPES,
  LANGUAGE_CODES,
  PROVIDER_CONFIG_FIELDS,
  PROVIDER_TYPES,
  REDACT_FIELDS,
} from '../agent/constants';
import type { ConfigField, ProviderType } from '../agent/constants';
import type { AgentFormValues, MockToolFormValues } from '../agent/form-schema';

/** Random agents as the API returns them, and random edits a user could make in the form. */

const word = fc.stringMatching(/^[a-z]{1,8}$/);
export const arbE164 = fc.stringMatching(/^\+[1-9]\d{6,12}$/);
export const arbHttpUrl = fc
  .tuple(word, fc.stringMatching(/^[a-z0-9/]{0,10}$/))
  .map(([host, path]) => `https://${host}.example.com/${path}`);
const arbWsUrl = word.map((host) => `wss://${host}.example.net/voice`);
const arbSipUri = fc.tuple(word, word).map(([u, d]) => `sip:${u}@${d}.example.org`);
const arbEmail = fc.tuple(word, word).map(([u, d]) => `${u}@${d}.com`);
const arbText = fc.string({ maxLength: 30 });
const arbNonBlank = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
const arbAgentName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,24}$/);
const arbJsonObject = fc.dictionary(word, fc.oneof(word, fc.integer(), fc.boolean()), { maxKeys: 3 });
export const arbMockData = fc.array(fc.record({ input: arbJsonObject, output: arbJsonObject }), { maxLength: 3 });
const arbToolName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/);
const arbVariableName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,15}$/);
const arbCredentials = fc.record({ username: word, password: fc.string({ minLength: 1, maxLength: 12 }) });
const arbNullableBool = fc.constantFrom(true, false, null);
const arbFileName = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/), fc.constantFrom('pdf', 'txt', 'json', 'csv', 'xml', 'md'))
  .map(([base, ext]) => `${base}.${ext}`);

export function arbConfigValue(field: ConfigField): fc.Arbitrary<string | boolean> {
  switch (field.kind) {
    case 'url':
      return arbHttpUrl;
    case 'boolean':
      return fc.boolean();
    case 'json':
      return arbJsonObject.map((o) => JSON.stringify(o));
    case 'select':
      return fc.constantFrom(...(field.options ?? ['']));
    case 'secret':
    case 'text':
      return arbNonBlank;
  }
}

/** A config as the API returns it for `type`: required fields set, optional ones sometimes, no secrets. */
function arbApiConfig(type: ProviderType): fc.Arbitrary<Record<string, unknown>> {
  const fields = PROVIDER_CONFIG_FIELDS[type].filter((f) => f.kind !== 'secret');
  const entries = fields.map((f) => {
    const value = arbConfigValue(f).map((v) => (f.kind === 'json' && typeof v === 'string' ? (JSON.parse(v) as unknown) : v));
    return f.required ? value.map((v) => [f.key, v] as const) : fc.option(value.map((v) => [f.key, v] as const), { nil: undefined });
  });
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p) => p !== undefined)));
}

const arbProvider = fc.constantFrom(...PROVIDER_TYPES).chain((type) =>
  fc.record({
    type: fc.constant(type),
    agent_id: fc.option(word, { nil: null }),
    credentials: arbApiConfig(type).map((config) => ({ config })),
    chat_agent_details: fc.option(
      fc.record({ type: fc.constantFrom(...CHAT_AGENT_TYPES), config: fc.record({ agent_id: word }) }),
      { nil: null },
    ),
    auto_dial_outbound: arbNullableBool,
    auto_import_calls: arbNullableBool,
    auto_sync_prompt: arbNullableBool,
    send_post_conversation_metadata: arbNullableBool,
    redact_fields: fc.option(fc.subarray([...REDACT_FIELDS], { maxLength: 4 }), { nil: null }),
  }),
);

export const arbApiAgent: fc.Arbitrary<ApiAgent> = fc
  .record({
    id: fc.integer({ min: 1, max: 10_000 }),
    name: arbAgentName,
    description: arbText,
    project: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    language: fc.option(fc.constantFrom(...LANGUAGE_CODES), { nil: null }),
    agent_speaks_first: arbNullableBool,
    email_id: fc.option(arbEmail, { nil: null }),
    mock_tools_enabled: fc.boolean(),
    webhook_url: fc.option(arbHttpUrl, { nil: '' }),
    webhook_secret_configured: fc.boolean(),
    telephony: fc.record({
      phone_number: fc.option(arbE164, { nil: '' }),
      inbound: fc.boolean(),
      sip_uri: fc.option(arbSipUri, { nil: null }),
      sip_auth: fc.option(arbCredentials, { nil: null }),
      websocket_url: fc.option(arbWsUrl, { nil: null }),
      websocket_auth: fc.option(arbCredentials, { nil: null }),
      outbound_numbers: fc.array(arbE164, { maxLength: 3 }),
    }),
    provider: arbProvider,
    knowledge_base_files: fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 1, max: 50_000 }), file_name: arbFileName, file_size: fc.nat(10_000) }),
      { maxLength: 5, selector: (f) => f.id },
    ),
    mock_tools: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 50_000 }),
        name: arbToolName,
        description: arbText,
        mock_data: arbMockData,
        freetext_params: fc.array(word, { maxLength: 2 }),
        served_via: fc.oneof(
          fc.constant({ type: 'direct', url: 'https://mock.example.com/t' }),
          fc.integer({ min: 1, max: 4 }).map((i) => ({ type: 'mcp', url: 'https://mock.example.com/m', mock_index: i })),
        ),
        subscriber_count: fc.integer({ min: 1, max: 4 }),
        is_shared: fc.boolean(),
      }),
      { maxLength: 5, selector: (t) => t.name },
    ).filter((tools) => new Set(tools.map((t) => t.id)).size === tools.length),
    dynamic_variables: fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 1, max: 50_000 }), name: arbVariableName, description: arbNonBlank.map((s) => s.trim()) }),
      { maxLength: 6, selector: (v) => v.name },
    ),
    created_at: fc.constant('2026-01-01T00:00:00Z'),
    updated_at: fc.constant('2026-01-02T00:00:00Z'),
  })
  .map((a) => ({ ...a, mock_tools_provider: null }));

type Edit = (v: AgentFormValues) => void;

const at = <T>(list: T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

function newMockTool(name: string, data: unknown, mcp: number | null): MockToolFormValues {
  return {
    name,
    description: `Looks up ${name}`,
    mock_data: JSON.stringify(data, null, 2),
    freetext_params: [],
    served_via: mcp === null ? 'direct' : 'mcp',
    mock_index: mcp,
  };
}

/** One user edit of the form values (mutates the draft it is given). */
export const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  arbAgentName.map((s): Edit => (v) => { v.name = s; }),
  arbText.map((s): Edit => (v) => { v.description = s; }),
  fc.integer({ min: 1, max: 5 }).map((n): Edit => (v) => { v.project = n; }),
  fc.constantFrom(...LANGUAGE_CODES).map((l): Edit => (v) => { v.language = l; }),
  fc.constantFrom('agent', 'caller', 'auto' as const).map((s): Edit => (v) => { v.agent_speaks_first = s; }),
  fc.option(arbEmail, { nil: '' }).map((s): Edit => (v) => { v.email_id = s; }),
  fc.constant<Edit>((v) => { v.mock_tools_enabled = !v.mock_tools_enabled; }),
  arbJsonObject.map((o): Edit => (v) => { v.predefined_metrics = JSON.stringify(o); }),
  arbHttpUrl.map((s): Edit => (v) => { v.webhook_url = s; }),
  arbNonBlank.map((s): Edit => (v) => { v.webhook_secret = s; }),
  fc.option(arbE164, { nil: '' }).map((s): Edit => (v) => { v.telephony.phone_number = s; }),
  fc.constant<Edit>((v) => { v.telephony.inbound = !v.telephony.inbound; }),
  fc.option(arbSipUri, { nil: '' }).map((s): Edit => (v) => { v.telephony.sip_uri = s; }),
  fc.option(arbCredentials, { nil: { username: '', password: '' } }).map((c): Edit => (v) => { v.telephony.sip_auth = c; }),
  fc.option(arbWsUrl, { nil: '' }).map((s): Edit => (v) => { v.telephony.websocket_url = s; }),
  arbCredentials.map((c): Edit => (v) => { v.telephony.websocket_auth = c; }),
  fc.array(arbE164, { maxLength: 3 }).map((ns): Edit => (v) => { v.telephony.outbound_numbers = ns.map((value) => ({ value })); }),
  fc.constantFrom(...PROVIDER_TYPES).chain((type) =>
    fc
      .tuple(...PROVIDER_CONFIG_FIELDS[type].filter((f) => f.required).map((f) => arbConfigValue(f).map((x) => [f.key, x] as const)))
      .map((required): Edit => (v) => {
        v.provider.type = type;
        for (const [key, x] of required) if ((v.provider.config[key] ?? '') === '') v.provider.config[key] = x;
      }),
  ),
  fc.option(word, { nil: '' }).map((s): Edit => (v) => { v.provider.agent_id = s; }),
  arbNonBlank.map((s): Edit => (v) => { v.provider.api_key = s; }),
  fc.nat().map((i): Edit => (v) => {
    const field = at([...PROVIDER_CONFIG_FIELDS[v.provider.type]], i);
    if (field && !field.required) v.provider.config[field.key] = field.kind === 'boolean' ? false : '';
  }),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== ''), arbHttpUrl, fc.boolean(), arbJsonObject).map(
    ([i, text, url, flag, json]): Edit => (v) => {
      const field = at([...PROVIDER_CONFIG_FIELDS[v.provider.type]], i);
      if (!field) return;
      v.provider.config[field.key] =
        field.kind === 'url' ? url
        : field.kind === 'boolean' ? flag
        : field.kind === 'json' ? JSON.stringify(json)
        : field.kind === 'select' ? (field.options?.[i % field.options.length] ?? '')
        : text;
    },
  ),
  fc.constantFrom(...CHAT_AGENT_TYPES).map((t): Edit => (v) => { v.provider.chat_type = t; }),
  fc.option(word, { nil: '' }).map((s): Edit => (v) => { v.provider.chat_agent_id = s; }),
  fc.tuple(fc.constantFrom('auto_dial_outbound', 'auto_import_calls', 'auto_sync_prompt', 'send_post_conversation_metadata' as const), arbNullableBool).map(
    ([key, b]): Edit => (v) => { v.provider[key] = b; },
  ),
  fc.subarray([...REDACT_FIELDS], { maxLength: 4 }).map((r): Edit => (v) => { v.provider.redact_fields = r; }),
  fc.constant<Edit>((v) => { v.provider.configure_from_provider = true; }),
  fc.nat().map((i): Edit => (v) => { if (v.knowledge_base_files.length > 0) v.knowledge_base_files.splice(i % v.knowledge_base_files.length, 1); }),
  fc.tuple(arbFileName, fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([name, bytes]): Edit => (v) => {
    if (v.knowledge_base_files.some((f) => f.file_name === name)) return;
    v.knowledge_base_files.push({ file_name: name, file_size: bytes.length, content_base64: Buffer.from(bytes).toString('base64') });
  }),
  fc.nat().map((i): Edit => (v) => { if (v.mock_tools.length > 0) v.mock_tools.splice(i % v.mock_tools.length, 1); }),
  fc.tuple(arbToolName, arbMockData, fc.option(fc.integer({ min: 1, max: 3 }), { nil: null })).map(([name, data, mcp]): Edit => (v) => {
    if (v.mock_tools.some((t) => t.name === name)) return;
    v.mock_tools.push(newMockTool(name, data, mcp));
  }),
  fc.tuple(fc.nat(), arbText, arbMockData, fc.array(word, { maxLength: 2 }), fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), fc.nat(3)).map(
    ([i, text, data, params, mcp, which]): Edit => (v) => {
      const tool = at(v.mock_tools, i);
      if (!tool) return;
      if (which === 0) tool.description = text;
      else if (which === 1) tool.mock_data = JSON.stringify(data);
      else if (which === 2) tool.freetext_params = params.map((value) => ({ value }));
      else {
        tool.served_via = mcp === null ? 'direct' : 'mcp';
        tool.mock_index = mcp;
      }
    },
  ),
  fc.tuple(fc.nat(), arbToolName).map(([i, name]): Edit => (v) => {
    const tool = at(v.mock_tools, i);
    if (tool && !v.mock_tools.some((t) => t.name === name)) tool.name = name;
  }),
  fc.nat().map((i): Edit => (v) => { if (v.dynamic_variables.length > 0) v.dynamic_variables.splice(i % v.dynamic_variables.length, 1); }),
  fc.tuple(arbVariableName, arbNonBlank).map(([name, description]): Edit => (v) => {
    if (!v.dynamic_variables.some((x) => x.name === name)) v.dynamic_variables.push({ name, description });
  }),
  fc.tuple(fc.nat(), arbNonBlank).map(([i, description]): Edit => (v) => {
    const variable = at(v.dynamic_variables, i);
    if (variable) variable.description = description;
  }),
  fc.tuple(fc.nat(), arbVariableName).map(([i, name]): Edit => (v) => {
    const variable = at(v.dynamic_variables, i);
    if (variable && !v.dynamic_variables.some((x) => x.name === name)) variable.name = name;
  }),
);

/** Edits that change the text of the form but not its value: the patch must stay `{}`. */
export const arbNoOpEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>((v) => { v.telephony.phone_number = `  ${v.telephony.phone_number} `; }),
  fc.constant<Edit>((v) => { v.webhook_url = ` ${v.webhook_url}`; }),
  fc.constant<Edit>((v) => { v.dynamic_variables.reverse(); }),
  fc.constant<Edit>((v) => {
    for (const t of v.mock_tools) t.mock_data = JSON.stringify(JSON.parse(t.mock_data) as unknown);
  }),
  fc.constant<Edit>((v) => { v.name = `${v.name} `; }),
  arbAgentName.map((s): Edit => (v) => {
    const old = v.name;
    v.name = s;
    v.name = old;
  }),
  fc.constant<Edit>((v) => { v.telephony.sip_uri = ` ${v.telephony.sip_uri}`; }),
);
