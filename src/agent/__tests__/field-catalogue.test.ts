import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../testing/fixtures';
import { PROVIDER_CONFIG_FIELDS, PROVIDER_TYPES } from '../constants';
import type { ProviderType } from '../constants';
import { isPlainObject } from '../deep-equal';
import { collectionMatch, fieldAt, fieldsOfSection, formItemLists, formPathOfMessage, secretFields, sectionOf } from '../field-catalogue';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues } from '../mapping';
import { AGENT_PATCH_STRATEGY } from '../patch-strategy';

/** Form values with every field the form has set, the provider's settings those of `type`. */
function populatedValues(type: ProviderType): AgentFormValues {
  const values = agentToFormValues(
    sampleAgent({
      telephony: {
        phone_number: '+14155551234',
        inbound: true,
        sip_uri: 'sip:agent@pbx.example.com',
        sip_auth: { username: 'agent', password: 'pw' },
        websocket_url: 'wss://voice.example.com',
        websocket_auth: { username: 'ws', password: 'ws-pw' },
        outbound_numbers: ['+14155550000'],
      },
    }),
  );
  values.predefined_metrics = '{"csat": true}';
  values.webhook_secret = 'whsec';
  values.email_id = 'bot@example.com';
  values.provider.type = type;
  values.provider.api_key = 'sk';
  values.provider.chat_type = 'vapi';
  values.provider.chat_agent_id = 'chat-1';
  values.provider.configure_from_provider = true;
  values.provider.config = Object.fromEntries(
    PROVIDER_CONFIG_FIELDS[type].map((f) => [f.key, f.kind === 'boolean' ? true : f.kind === 'json' ? '{}' : 'x']),
  );
  values.knowledge_base_files.push({ file_name: 'notes.txt', file_size: 3, content_base64: 'aGkK' });
  values.mock_tools.forEach((tool) => {
    tool.freetext_params = [{ value: 'notes' }];
  });
  return values;
}

/** Every path to a value that is not an object or a list, indices as numbers (`mock_tools.0.name`). */
function leafPaths(node: unknown, prefix = ''): string[] {
  const join = (key: string | number) => (prefix === '' ? String(key) : `${prefix}.${key}`);
  if (Array.isArray(node)) return node.flatMap((item, i) => leafPaths(item, join(i)));
  if (isPlainObject(node)) return Object.entries(node).flatMap(([key, value]) => leafPaths(value, join(key)));
  return [prefix];
}

/** An item's identity (the key collections match on) is no field of the editor's. */
const isItemId = (path: string) => /^(knowledge_base_files|mock_tools)\.\d+\.id$/.test(path);

describe('the field catalogue', () => {
  it('gives every form path of a fully populated agent a label and the tab that shows it, for every provider', () => {
    for (const type of PROVIDER_TYPES) {
      const paths = leafPaths(populatedValues(type)).filter((p) => !isItemId(p));
      expect(paths.length).toBeGreaterThan(40);
      for (const path of paths) {
        const row = fieldAt(path);
        expect(row, path).toBeDefined();
        expect(row?.label, path).not.toBe('');
        expect(row?.section, path).toBe(sectionOf(path));
      }
    }
  });

  it('knows a field by its PATCH path and by its form path', () => {
    expect(fieldAt('provider.credentials.api_key')).toBe(fieldAt('provider.api_key'));
    expect(fieldAt('provider.credentials.config.trigger_secret')).toBe(fieldAt('provider.config.trigger_secret'));
    expect(fieldAt('provider.chat_agent_details.type')).toBe(fieldAt('provider.chat_type'));
    expect(fieldAt('mock_tools.3.served_via.mock_index')).toBe(fieldAt('mock_tools.3.mock_index'));
    expect(fieldAt('telephony.outbound_numbers.2')).toBe(fieldAt('telephony.outbound_numbers.2.value'));
    expect(fieldAt('provider.api_key')).toMatchObject({ path: 'provider.credentials.api_key', formPath: 'provider.api_key' });
    expect(fieldAt('mock_tools.*.mock_index')).toMatchObject({ label: 'MCP index', section: 'mock-tools' });
  });

  it('titles provider settings with their group, even those of another provider type', () => {
    expect(fieldAt('provider.credentials.config.public_key')).toMatchObject({ label: 'Public key', title: 'Provider setting: Public key' });
    expect(fieldAt('provider.credentials.config.some_new_key')).toMatchObject({
      label: 'some_new_key',
      title: 'Provider setting: some_new_key',
      section: 'provider',
      secret: false,
    });
    expect(fieldAt('nothing_like_it')).toBeUndefined();
  });

  it('lists every secret, the SIP and WebSocket passwords included, each where the form holds it', () => {
    const secrets = secretFields().map((f) => f.formPath);
    expect(secrets).toEqual(
      expect.arrayContaining([
        'webhook_secret',
        'provider.api_key',
        'provider.config.trigger_secret',
        'telephony.sip_auth.password',
        'telephony.websocket_auth.password',
      ]),
    );
    const configSecrets = new Set(
      Object.values(PROVIDER_CONFIG_FIELDS).flatMap((fields) => fields.filter((f) => f.kind === 'secret').map((f) => `provider.config.${f.key}`)),
    );
    expect(secrets).toHaveLength(4 + configSecrets.size);
    expect(fieldAt('telephony.sip_auth.username')?.secret).toBe(false);
    expect(fieldAt('predefined_metrics')?.secret).toBe(false);
  });

  it('says how the items of each collection match', () => {
    expect(collectionMatch('dynamic_variables')).toEqual({ key: 'name', labelKey: 'name' });
    expect(collectionMatch('mock_tools')).toEqual({ key: 'id', orKey: 'name', labelKey: 'name' });
    expect(collectionMatch('knowledge_base_files')).toEqual({ key: 'id', labelKey: 'file_name' });
    expect(collectionMatch('telephony')).toBeUndefined();
  });

  it('lists the form’s lists of items (the field arrays), each an array in the form’s values', () => {
    expect([...formItemLists()].sort()).toEqual(['dynamic_variables', 'knowledge_base_files', 'mock_tools', 'telephony.outbound_numbers']);
    const values = agentToFormValues(sampleAgent());
    for (const path of formItemLists()) {
      const value = path.split('.').reduce<unknown>((at, key) => (isPlainObject(at) ? at[key] : undefined), values);
      expect(Array.isArray(value), path).toBe(true);
    }
  });

  it('puts every top-level field in exactly one tab', () => {
    const sections = ['general', 'telephony', 'provider', 'knowledge-base', 'mock-tools', 'dynamic-variables', 'webhook'] as const;
    const shown = sections.flatMap((s) => fieldsOfSection(s));
    expect([...shown].sort()).toEqual(Object.keys(AGENT_PATCH_STRATEGY.fields).sort());
    expect(fieldsOfSection('webhook')).toEqual(['webhook_url', 'webhook_secret']);
    expect(sectionOf('mock_tools.4.freetext_params.0.value')).toBe('mock-tools');
    expect(sectionOf('root.server')).toBeUndefined();
  });

  it.each([
    ['name', 'name'],
    ['provider.credentials.api_key', 'provider.api_key'],
    ['provider.credentials', 'provider.api_key'],
    ['provider.credentials.config', 'provider.api_key'],
    ['provider.credentials.config.public_key', 'provider.config.public_key'],
    ['provider.credentials.config.not_a_known_key', 'provider.config.not_a_known_key'],
    ['provider.chat_agent_details', 'provider.chat_agent_id'],
    ['provider.chat_agent_details.type', 'provider.chat_type'],
    ['provider.chat_agent_details.config', 'provider.chat_agent_id'],
    ['provider.chat_agent_details.config.agent_id', 'provider.chat_agent_id'],
    ['mock_tools.3.served_via', 'mock_tools.3.served_via'],
    ['mock_tools.3.served_via.type', 'mock_tools.3.served_via'],
    ['mock_tools.3.served_via.mock_index', 'mock_tools.3.mock_index'],
    ['mock_tools.1.freetext_params.2', 'mock_tools.1.freetext_params.2.value'],
    ['mock_tools.1.id', 'mock_tools.1.id'],
    ['telephony.outbound_numbers.4', 'telephony.outbound_numbers.4.value'],
    ['telephony.outbound_numbers', 'telephony.outbound_numbers'],
    ['telephony.sip_auth', 'telephony.sip_auth.username'],
    ['telephony.websocket_auth', 'telephony.websocket_auth.username'],
    ['telephony.sip_auth.password', 'telephony.sip_auth.password'],
    ['knowledge_base_files.4.content_base64', 'knowledge_base_files.4.file_name'],
    ['knowledge_base_files.4.name', 'knowledge_base_files.4.file_name'],
    ['knowledge_base_files.4.id', 'knowledge_base_files.4.file_name'],
    ['dynamic_variables.0.name', 'dynamic_variables.0.name'],
    ['something.else', 'something.else'],
  ])('shows a message about %s at %s', (apiPath, formPath) => {
    expect(formPathOfMessage(apiPath)).toBe(formPath);
  });
});
