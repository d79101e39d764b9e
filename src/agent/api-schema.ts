import { z } from 'zod';

/**
 * Lenient schemas of what the API returns. Unknown keys are kept, `null` is accepted wherever
 * the API might send it, and a wrongly typed optional value becomes `undefined` instead of
 * failing the whole agent: an agent we do not fully understand must still open.
 */
const str = z.string().nullish().catch(undefined);
const num = z.number().nullish().catch(undefined);
const bool = z.boolean().nullish().catch(undefined);

export const apiTelephonySchema = z.looseObject({
  phone_number: str,
  inbound: bool,
  sip_uri: str,
  sip_auth: z.unknown().optional(),
  websocket_url: str,
  websocket_auth: z.unknown().optional(),
  outbound_numbers: z.array(z.string()).nullish().catch(undefined),
});

export const apiProviderSchema = z.looseObject({
  type: str,
  agent_id: str,
  credentials: z
    .looseObject({ config: z.record(z.string(), z.unknown()).nullish().catch(undefined) })
    .nullish()
    .catch(undefined),
  chat_agent_details: z
    .looseObject({
      type: str,
      config: z.record(z.string(), z.unknown()).nullish().catch(undefined),
    })
    .nullish()
    .catch(undefined),
  chat_provider: str,
  auto_dial_outbound: bool,
  auto_import_calls: bool,
  auto_sync_prompt: bool,
  send_post_conversation_metadata: bool,
  redact_fields: z.array(z.string()).nullish().catch(undefined),
});

export const apiKnowledgeBaseFileSchema = z.looseObject({
  id: z.number(),
  agent: num,
  file_url: str,
  file_name: str,
  file_type: str,
  file_size: num,
  created_at: str,
  updated_at: str,
});

export const apiMockToolSchema = z.looseObject({
  id: z.number(),
  name: str,
  description: str,
  mock_data: z.unknown().optional(),
  freetext_params: z.array(z.string()).nullish().catch(undefined),
  served_via: z
    .looseObject({ type: str, url: str, mock_index: num })
    .nullish()
    .catch(undefined),
  mcp_server: z.unknown().optional(),
  subscriber_count: num,
  is_shared: bool,
});

export const apiDynamicVariableSchema = z.looseObject({
  id: num,
  name: z.string(),
  description: str,
});

/** Drops the items of a list that do not parse instead of failing the agent. */
function lenientList<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .nullish()
    .catch(undefined)
    .transform((items) =>
      items?.flatMap((raw) => {
        const parsed = item.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

export const apiAgentSchema = z.looseObject({
  id: z.number(),
  name: str,
  description: str,
  project: num,
  language: str,
  agent_speaks_first: bool,
  telephony: apiTelephonySchema.nullish().catch(undefined),
  provider: apiProviderSchema.nullish().catch(undefined),
  webhook_url: str,
  webhook_secret_configured: z.unknown().optional(),
  email_id: str,
  mock_tools_enabled: bool,
  mock_tools_provider: str,
  enabled_personalities: z.unknown().optional(),
  knowledge_base_files: lenientList(apiKnowledgeBaseFileSchema),
  mock_tools: lenientList(apiMockToolSchema),
  dynamic_variables: lenientList(apiDynamicVariableSchema),
  created_at: str,
  updated_at: str,
});

export type ApiAgent = z.output<typeof apiAgentSchema>;
export type ApiTelephony = z.output<typeof apiTelephonySchema>;
export type ApiProvider = z.output<typeof apiProviderSchema>;
export type ApiKnowledgeBaseFile = z.output<typeof apiKnowledgeBaseFileSchema>;
export type ApiMockTool = z.output<typeof apiMockToolSchema>;
export type ApiDynamicVariable = z.output<typeof apiDynamicVariableSchema>;

export const apiAgentListSchema = z.looseObject({
  count: z.number().catch(0),
  next: str,
  previous: str,
  results: lenientList(apiAgentSchema).transform((r) => r ?? []),
});
export type ApiAgentList = z.output<typeof apiAgentListSchema>;

export const apiProjectSchema = z.looseObject({ id: z.number(), name: z.string().catch('') });
export const apiProjectListSchema = lenientList(apiProjectSchema).transform((r) => r ?? []);
export type ApiProject = z.output<typeof apiProjectSchema>;

export const apiHistoryEntrySchema = z.looseObject({
  history_id: z.number(),
  history_date: str,
  history_type: str,
  history_user: z.unknown().optional(),
  version_name: str,
});
export const apiHistoryListSchema = z.looseObject({
  count: z.number().catch(0),
  next: str,
  previous: str,
  results: lenientList(apiHistoryEntrySchema).transform((r) => r ?? []),
});
export type ApiHistoryEntry = z.output<typeof apiHistoryEntrySchema>;

/** Parses an agent from the API; throws only when it is not an object with a numeric id. */
export function parseApiAgent(raw: unknown): ApiAgent {
  return apiAgentSchema.parse(raw);
}
