/** The request shape of PATCH /aiagents/{id}/ (`PatchedSchemaPostAIAgentV2`) as the dashboard sends it. */

export interface CredentialsWrite {
  username: string;
  password: string;
}

export interface TelephonyWrite {
  phone_number?: string;
  inbound?: boolean;
  sip_uri?: string | null;
  sip_auth?: unknown;
  websocket_url?: string | null;
  websocket_auth?: unknown;
  outbound_numbers?: string[];
}

export interface ProviderWrite {
  type?: string;
  agent_id?: string | null;
  credentials?: { api_key?: string; config?: Record<string, unknown> };
  chat_agent_details?: { type?: string; config?: Record<string, unknown> };
  auto_dial_outbound?: boolean | null;
  auto_import_calls?: boolean | null;
  auto_sync_prompt?: boolean | null;
  send_post_conversation_metadata?: boolean | null;
  redact_fields?: string[] | null;
  configure_from_provider?: boolean;
}

export type KnowledgeBaseFileWrite =
  | { id: number }
  | { file_name: string; content_base64: string };

export interface ServedViaWrite {
  type: 'direct' | 'mcp';
  mock_index?: number;
}

export interface MockToolWrite {
  id?: number;
  name?: string;
  description?: string;
  mock_data?: unknown;
  freetext_params?: string[];
  served_via?: ServedViaWrite;
}

export interface DynamicVariableWrite {
  name: string;
  description: string;
}

export interface AgentWrite {
  name?: string;
  description?: string;
  project?: number | null;
  language?: string;
  agent_speaks_first?: boolean | null;
  email_id?: string | null;
  mock_tools_enabled?: boolean;
  predefined_metrics?: unknown;
  webhook_url?: string;
  webhook_secret?: string;
  telephony?: TelephonyWrite;
  provider?: ProviderWrite;
  knowledge_base_files?: KnowledgeBaseFileWrite[];
  mock_tools?: MockToolWrite[];
  dynamic_variables?: DynamicVariableWrite[];
}
