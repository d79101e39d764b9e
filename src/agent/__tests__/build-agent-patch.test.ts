import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../testing/fixtures';
import { buildAgentPatch } from '../build-agent-patch';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues } from '../mapping';

function edit(change: (v: AgentFormValues) => void) {
  const agent = sampleAgent();
  const values = agentToFormValues(agent);
  change(values);
  return buildAgentPatch(agent, values);
}

describe('buildAgentPatch', () => {
  it('sends nothing for an untouched form', () => {
    expect(edit(() => undefined)).toEqual({});
  });

  it('sends a changed scalar alone', () => {
    expect(edit((v) => { v.name = 'Billing bot'; })).toEqual({ name: 'Billing bot' });
  });

  it('sends nothing when a field is typed back to its old value', () => {
    expect(edit((v) => { v.name = 'Other'; v.name = 'Support triage'; })).toEqual({});
  });

  it('sends one changed telephony leaf inside its parent', () => {
    expect(edit((v) => { v.telephony.phone_number = '+14155559999'; })).toEqual({
      telephony: { phone_number: '+14155559999' },
    });
  });

  it('sends an "any" value whole', () => {
    expect(edit((v) => { v.telephony.sip_auth.password = 'new'; })).toEqual({
      telephony: { sip_auth: { username: 'agent', password: 'new' } },
    });
  });

  it('sends a changed provider config leaf under credentials.config', () => {
    expect(edit((v) => { v.provider.config.trigger_url = 'https://t.example.com/x'; })).toEqual({
      provider: { credentials: { config: { trigger_url: 'https://t.example.com/x' } } },
    });
  });

  it('sends write-only values only when entered', () => {
    expect(edit((v) => { v.provider.api_key = 'sk_new'; v.webhook_secret = 's3cret'; })).toEqual({
      webhook_secret: 's3cret',
      provider: { credentials: { api_key: 'sk_new' } },
    });
    expect(edit((v) => { v.provider.configure_from_provider = true; })).toEqual({ provider: { configure_from_provider: true } });
    expect(edit((v) => { v.predefined_metrics = '{"csat": true}'; })).toEqual({ predefined_metrics: { csat: true } });
  });

  it('sends the full remaining set when one mock tool is removed', () => {
    expect(edit((v) => { v.mock_tools.splice(0, 1); })).toEqual({ mock_tools: [{ id: 12 }] });
  });

  it('sends a kept tool as {id} plus only its changed keys', () => {
    expect(edit((v) => { if (v.mock_tools[1]) v.mock_tools[1].description = 'Refunds an order'; })).toEqual({
      mock_tools: [{ id: 11 }, { id: 12, description: 'Refunds an order' }],
    });
  });

  it('sends a new tool whole, after the kept ones, in form order', () => {
    const body = edit((v) => {
      v.mock_tools.push({ name: 'transfer', description: 'Transfers', mock_data: '[]', freetext_params: [{ value: 'reason' }], served_via: 'mcp', mock_index: 2 });
    });
    expect(body).toEqual({
      mock_tools: [
        { id: 11 },
        { id: 12 },
        { name: 'transfer', description: 'Transfers', mock_data: [], freetext_params: ['reason'], served_via: { type: 'mcp', mock_index: 2 } },
      ],
    });
  });

  it('sends every variable with name and description when one is edited', () => {
    expect(edit((v) => { if (v.dynamic_variables[0]) v.dynamic_variables[0].description = 'Legal name'; })).toEqual({
      dynamic_variables: [
        { name: 'customer_name', description: 'Legal name' },
        { name: 'plan', description: 'Subscription plan' },
      ],
    });
  });

  it('sends kept files as {id} and new ones with their content', () => {
    expect(edit((v) => {
      v.knowledge_base_files.splice(1, 1);
      v.knowledge_base_files.push({ file_name: 'notes.txt', file_size: 2, content_base64: 'aGk=' });
    })).toEqual({ knowledge_base_files: [{ id: 7 }, { file_name: 'notes.txt', content_base64: 'aGk=' }] });
  });

  it('treats reordered variables as the same set', () => {
    expect(edit((v) => { v.dynamic_variables.reverse(); })).toEqual({});
  });

  it('maps the speaks-first choice and cleared nullable fields', () => {
    expect(edit((v) => { v.agent_speaks_first = 'auto'; v.telephony.sip_uri = ''; v.email_id = 'a@b.co'; })).toEqual({
      agent_speaks_first: null,
      email_id: 'a@b.co',
      telephony: { sip_uri: null },
    });
  });

  it('never sends keys the form does not show', () => {
    const agent = sampleAgent({ some_new_api_field: { x: 1 } });
    const values = agentToFormValues(agent);
    values.description = 'New';
    expect(buildAgentPatch(agent, values)).toEqual({ description: 'New' });
  });
});
