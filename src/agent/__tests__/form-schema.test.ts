import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../testing/fixtures';
import { agentFormSchema } from '../form-schema';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues } from '../mapping';

function errorsOf(change: (v: AgentFormValues) => void): Record<string, string> {
  const values = agentToFormValues(sampleAgent());
  change(values);
  const result = agentFormSchema.safeParse(values);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('agentFormSchema', () => {
  it('accepts a loaded agent as it is', () => {
    expect(errorsOf(() => undefined)).toEqual({});
  });

  it('puts each message at the field that caused it', () => {
    expect(
      errorsOf((v) => {
        v.name = '';
        v.telephony.phone_number = '415-555';
        v.telephony.sip_uri = 'http://x';
        v.telephony.websocket_url = 'https://not-ws.example.com';
        v.webhook_url = 'ftp://x';
        v.email_id = 'nope';
        v.predefined_metrics = '{oops';
        v.provider.config.trigger_url = 'not a url';
        v.telephony.outbound_numbers = [{ value: '12' }];
      }),
    ).toEqual({
      name: 'Name is required',
      'telephony.phone_number': 'Use E.164 format, e.g. +14155551234',
      'telephony.sip_uri': 'Use sip:user@domain or sips:user@domain',
      'telephony.websocket_url': 'Enter a URL starting with ws:// or wss://',
      'telephony.outbound_numbers.0.value': 'Use E.164 format, e.g. +14155551234',
      webhook_url: 'Enter a URL starting with http:// or https://',
      email_id: 'Enter a valid email address',
      predefined_metrics: 'Enter valid JSON',
      'provider.config.trigger_url': 'Enter a URL starting with http:// or https://',
    });
  });

  it('lets the name be empty when configuring from the provider', () => {
    expect(errorsOf((v) => { v.name = ''; v.provider.configure_from_provider = true; })).toEqual({});
  });

  it('checks mock tool and variable names, uniqueness and descriptions', () => {
    const errors = errorsOf((v) => {
      if (v.mock_tools[1]) v.mock_tools[1].name = 'lookup_order';
      v.mock_tools.push({ name: 'bad name!', description: '', mock_data: '{"a":1}', freetext_params: [], served_via: 'mcp', mock_index: null });
      v.dynamic_variables.push({ name: '1x', description: ' ' });
      v.dynamic_variables.push({ name: 'plan', description: 'dup' });
    });
    expect(errors).toMatchObject({
      'mock_tools.1.name': 'Another mock tool has this name',
      'mock_tools.2.name': 'Use letters, digits, _ and - (at most 63 characters)',
      'mock_tools.2.mock_data': 'Mock data is a JSON list of {"input": …, "output": …} pairs',
      'mock_tools.2.mock_index': 'MCP index is required for MCP tools',
      'dynamic_variables.2.name': 'Start with a letter or _, then letters, digits or _',
      'dynamic_variables.2.description': 'Description is required',
      'dynamic_variables.3.name': 'Another variable has this name',
    });
  });

  it('refuses new knowledge-base files of the wrong type or size', () => {
    expect(
      errorsOf((v) => {
        v.knowledge_base_files.push({ file_name: 'virus.exe', file_size: 3, content_base64: 'AAAA' });
        v.knowledge_base_files.push({ file_name: 'huge.pdf', file_size: 60 * 1024 * 1024, content_base64: 'AAAA' });
      }),
    ).toEqual({
      'knowledge_base_files.2.file_name': 'Only pdf, txt, json, csv, xml, md files can be uploaded',
      'knowledge_base_files.3.file_name': 'Files are limited to 50 MB',
    });
  });

  it('wants http(s) trigger URLs and websocket (or https) LiveKit server URLs', () => {
    expect(errorsOf((v) => { v.provider.config.trigger_url = 'wss://calls.example.com'; })).toEqual({
      'provider.config.trigger_url': 'Enter a URL starting with http:// or https://',
    });
    expect(
      errorsOf((v) => {
        v.provider.type = 'livekit';
        v.provider.config.url = 'ftp://lk.example.com';
        v.provider.config.api_secret = 's';
      }),
    ).toEqual({ 'provider.config.url': 'Enter a URL starting with wss:// or https://' });
    expect(errorsOf((v) => { v.provider.type = 'livekit'; v.provider.config.url = 'wss://lk.example.com'; v.provider.config.api_secret = 's'; })).toEqual({});
  });

  it('requires the required config fields of the chosen provider', () => {
    expect(errorsOf((v) => { v.provider.type = 'livekit'; })).toEqual({
      'provider.config.url': 'LiveKit URL is required',
      'provider.config.api_secret': 'API secret is required',
    });
  });
});
