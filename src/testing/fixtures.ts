import type { ApiAgent } from '../agent/api-schema';
import { parseApiAgent } from '../agent/api-schema';

/** A realistic agent as GET /aiagents/{id}/ returns it. */
export function sampleAgent(overrides: Record<string, unknown> = {}): ApiAgent {
  return parseApiAgent({
    id: 42,
    name: 'Support triage',
    description: 'Answers billing questions.',
    project: 1,
    language: 'en',
    agent_speaks_first: true,
    email_id: null,
    mock_tools_enabled: false,
    webhook_url: 'https://hooks.example.com/cekura',
    webhook_secret_configured: true,
    telephony: {
      phone_number: '+14155551234',
      inbound: false,
      sip_uri: 'sip:agent@pbx.example.com',
      sip_auth: { username: 'agent', password: 'pw' },
      websocket_url: null,
      websocket_auth: null,
      outbound_numbers: ['+14155550000'],
    },
    provider: {
      type: 'vapi',
      agent_id: 'asst_123',
      credentials: { config: { public_key: 'pk_1', trigger_url: 'https://trigger.example.com/call' } },
      chat_agent_details: null,
      chat_provider: 'vapi',
      auto_dial_outbound: null,
      auto_import_calls: true,
      auto_sync_prompt: false,
      send_post_conversation_metadata: null,
      redact_fields: ['ssn'],
    },
    knowledge_base_files: [
      { id: 7, agent: 42, file_url: 'https://files.example.com/7', file_name: 'faq.md', file_type: 'text/markdown', file_size: 120, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' },
      { id: 8, agent: 42, file_url: 'https://files.example.com/8', file_name: 'prices.csv', file_type: 'text/csv', file_size: 80, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' },
    ],
    mock_tools: [
      { id: 11, name: 'lookup_order', description: 'Finds an order', mock_data: [{ input: { id: '1' }, output: { status: 'shipped' } }], served_via: { type: 'direct', url: 'https://mock.example.com/11' }, mcp_server: null, subscriber_count: 1, is_shared: false },
      { id: 12, name: 'refund', description: 'Issues a refund', mock_data: [], served_via: { type: 'mcp', url: 'https://mock.example.com/m/1', mock_index: 1 }, mcp_server: null, subscriber_count: 3, is_shared: true },
    ],
    dynamic_variables: [
      { id: 21, name: 'customer_name', description: 'Full name' },
      { id: 22, name: 'plan', description: 'Subscription plan' },
    ],
    enabled_personalities: [1],
    mock_tools_provider: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-02T00:00:00Z',
    ...overrides,
  });
}
