/** How the seed describes an agent before ids, URLs and timestamps are assigned. */

export interface SeedTool {
  name: string;
  description: string;
  mock_data: { input: Record<string, unknown>; output: Record<string, unknown> }[];
  freetext_params?: string[];
  /** Served through the agent's MCP endpoint, fetched from this MCP server. */
  mcp?: { mock_index: number; server: { name: string; key: string } };
  /** Tools with the same `shared` key are one tool held by several agents. */
  shared?: string;
}

export interface SeedFile {
  file_name: string;
  content: string;
}

export interface SeedAgentSpec {
  name: string;
  description: string;
  project: number;
  language: string;
  agent_speaks_first: boolean | null;
  telephony: Record<string, unknown>;
  /** The whole provider block, write-only values (api_key, trigger_secret) included. */
  provider: Record<string, unknown>;
  webhook_url?: string;
  webhook_secret?: string;
  email_id?: string | null;
  mock_tools_enabled: boolean;
  mock_tools_provider: string | null;
  enabled_personalities: number[];
  predefined_metrics?: unknown;
  tools: SeedTool[];
  variables: [name: string, description: string][];
  files: SeedFile[];
  /** Days after the seed epoch the agent was created. */
  createdDay: number;
}

/** Fills in the telephony keys a spec leaves out, as the API returns them. */
export function telephony(values: Record<string, unknown>): Record<string, unknown> {
  return {
    phone_number: '',
    inbound: false,
    sip_uri: null,
    sip_auth: null,
    websocket_url: null,
    websocket_auth: null,
    outbound_numbers: [],
    ...values,
  };
}

/** Fills in the provider keys a spec leaves out. */
export function provider(values: Record<string, unknown>): Record<string, unknown> {
  return {
    type: '',
    agent_id: null,
    credentials: null,
    chat_agent_details: null,
    auto_dial_outbound: null,
    auto_import_calls: null,
    auto_sync_prompt: null,
    send_post_conversation_metadata: null,
    redact_fields: [],
    ...values,
  };
}
