import * as z from 'zod/mini';

/**
 * Lenient schemas of what the API returns. Unknown keys are kept, `null` is accepted wherever
 * the API might send it, and a wrongly typed optional value becomes `undefined` instead of
 * failing the whole agent: an agent we do not fully understand must still open.
 * (zod/mini: the agents list parses these on its first load, which must stay small.)
 */
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.nullish(schema), undefined);
const str = lenient(z.string());
const num = lenient(z.number());
const bool = lenient(z.boolean());
const record = lenient(z.record(z.string(), z.unknown()));

export const apiTelephonySchema = z.looseObject({
  phone_number: str,
  inbound: bool,
  sip_uri: str,
  sip_auth: z.optional(z.unknown()),
  websocket_url: str,
  websocket_auth: z.optional(z.unknown()),
  outbound_numbers: lenient(z.array(z.string())),
});

export const apiProviderSchema = z.looseObject({
  type: str,
  agent_id: str,
  credentials: lenient(z.looseObject({ config: record })),
  chat_agent_details: lenient(z.looseObject({ type: str, config: record })),
  chat_provider: str,
  auto_dial_outbound: bool,
  auto_import_calls: bool,
  auto_sync_prompt: bool,
  send_post_conversation_metadata: bool,
  redact_fields: lenient(z.array(z.string())),
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
  mock_data: z.optional(z.unknown()),
  freetext_params: lenient(z.array(z.string())),
  served_via: lenient(z.looseObject({ type: str, url: str, mock_index: num })),
  mcp_server: z.optional(z.unknown()),
  subscriber_count: num,
  is_shared: bool,
});

export const apiDynamicVariableSchema = z.looseObject({
  id: num,
  name: z.string(),
  description: str,
});

/**
 * The items of a list that parse, in order. The whole list is parsed at once first: when every
 * item parses (the usual answer), that is one parse and no result object per item, which on a
 * large agent (800 items) is most of what parsing it allocates; else item by item, dropping those
 * that do not.
 */
function itemsThatParse<T extends z.core.$ZodType>(item: T): (items: unknown[]) => z.output<T>[] {
  const whole = z.array(item);
  return (items) => {
    const all = z.safeParse(whole, items);
    if (all.success) return all.data;
    const kept: z.output<T>[] = [];
    for (const raw of items) {
      const parsed = z.safeParse(item, raw);
      if (parsed.success) kept.push(parsed.data);
    }
    return kept;
  };
}

/** Drops the items of a list that do not parse instead of failing the agent. */
function lenientList<T extends z.core.$ZodType>(item: T) {
  const keep = itemsThatParse(item);
  return z.pipe(
    lenient(z.array(z.unknown())),
    z.transform((items: unknown[] | null | undefined) => (items === null || items === undefined ? undefined : keep(items))),
  );
}

/**
 * A list that must be there (a page's `results`, the projects): anything but an array fails the
 * answer, so the page shows an error with Retry rather than an empty state. Its items stay
 * lenient: one that does not parse is dropped.
 */
const requiredList = <T extends z.core.$ZodType>(item: T) => {
  const keep = itemsThatParse(item);
  return z.pipe(z.array(z.unknown()), z.transform((items: unknown[]) => keep(items)));
};

export const apiAgentSchema = z.looseObject({
  id: z.number(),
  name: str,
  description: str,
  project: num,
  language: str,
  agent_speaks_first: bool,
  telephony: lenient(apiTelephonySchema),
  provider: lenient(apiProviderSchema),
  webhook_url: str,
  webhook_secret_configured: z.optional(z.unknown()),
  email_id: str,
  mock_tools_enabled: bool,
  mock_tools_provider: str,
  enabled_personalities: z.optional(z.unknown()),
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

/**
 * An agent as the agents list shows it: only its columns are checked, with the same lenient
 * rules (the rest of each item is kept unread; the editor parses a whole agent when it opens).
 */
export const apiAgentSummarySchema = z.looseObject({
  id: z.number(),
  name: str,
  project: num,
  language: str,
  telephony: lenient(z.looseObject({ phone_number: str })),
  provider: lenient(z.looseObject({ type: str })),
  updated_at: str,
});
export type ApiAgentSummary = z.output<typeof apiAgentSummarySchema>;

export const apiAgentListSchema = z.looseObject({
  count: z.catch(z.number(), 0),
  next: str,
  previous: str,
  results: requiredList(apiAgentSummarySchema),
});
export type ApiAgentList = z.output<typeof apiAgentListSchema>;

export const apiProjectSchema = z.looseObject({ id: z.number(), name: z.catch(z.string(), '') });
export const apiProjectListSchema = requiredList(apiProjectSchema);
export type ApiProject = z.output<typeof apiProjectSchema>;

/** Parses an agent from the API; throws only when it is not an object with a numeric id. */
export function parseApiAgent(raw: unknown): ApiAgent {
  return z.parse(apiAgentSchema, raw);
}
