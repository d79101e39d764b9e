import { CONFIG_FIELD_KINDS, PROVIDER_CONFIG_FIELDS } from './constants';

/**
 * Every field of the agent, once: how it behaves in a PATCH (the contract's rules, including
 * the assumed ones) and what the editor knows of it (its label, its tab, whether it is a
 * secret, how a collection's items match). The patch builder, the emulator's apply step, the
 * form mapping, the review, drafts and the editor's tabs all read it, through
 * `field-catalogue.ts`. To change a rule or a label, change it here.
 */

/** The editor's tabs (`/agents/:id/:section`). */
export type SectionId = 'general' | 'telephony' | 'provider' | 'knowledge-base' | 'mock-tools' | 'dynamic-variables' | 'webhook';

/** What the editor knows of a field, beside how it is sent. */
interface FieldFacts {
  /** The label the editor shows for the field, exactly. */
  label?: string;
  /** The tab showing the field; nested fields inherit it. */
  section?: SectionId;
  /** Masked in the review, never kept in a draft, never logged. */
  secret?: boolean;
  /**
   * Where the form keeps the value, when not under its key: a `/`-separated path from the
   * parent's place in the form, where `''` is that place itself and `..` goes up one level.
   */
  formKey?: string;
  /**
   * Where the editor shows a message about the value as a whole (a 400 on `telephony.sip_auth`
   * shows at its username): a `/`-separated path from the field's own place in the form.
   */
  errorsAt?: string;
  /** Names the fields below in lists that mix tabs: "Provider setting: Trigger secret". */
  group?: string;
}

/** How a full-set collection's items are matched to the ones the server has. */
export interface CollectionMatch {
  /** The key that identifies a kept item. */
  key: 'id' | 'name';
  /** A kept item with no `key` may be matched by this one instead. */
  orKey?: 'name';
  /** The key that names an item to the user. */
  labelKey: 'name' | 'file_name';
}

export type Strategy = FieldFacts &
  (
    /** A scalar or a JSON "any" value: sent whole when not deep-equal to the old one. */
    | {
        kind: 'replace';
        /** Known keys inside an "any" value (a credential's password): facts only, never sent apart. */
        parts?: Readonly<Record<string, Strategy>>;
        /** A list whose items the form keeps as `{[formItem]: value}` (outbound numbers). */
        formItem?: string;
      }
    /** Never returned by the API: sent only when the user entered it. */
    | { kind: 'writeOnly' }
    /** (assumed) An object merged key by key: only changed leaves are sent. */
    | {
        kind: 'merge';
        fields: Readonly<Record<string, Strategy>>;
        /** For keys not in `fields` (provider config, whose keys depend on the type). */
        rest?: Strategy;
        /** What to send for a key that the form cleared (absent after, present before). */
        cleared?: (key: string) => unknown;
      }
    /**
     * A full set: items matched by `match`, omitted ones deleted. `send` says how a kept item
     * goes: `'key'` as its key only, `'changedKeys'` (assumed) as its key plus the keys that
     * changed, `'whole'` whole. New items always go whole.
     */
    | {
        kind: 'collection';
        match: CollectionMatch;
        /** What one item is called in sentences: "Added variable `x`". */
        itemNoun: string;
        send: 'key' | 'changedKeys' | 'whole';
        item: Readonly<Record<string, Strategy>>;
      }
  );

export type MergeStrategy = Extract<Strategy, { kind: 'merge' }>;
export type CollectionStrategy = Extract<Strategy, { kind: 'collection' }>;

const replace = (facts: FieldFacts = {}, more: { parts?: Record<string, Strategy>; formItem?: string } = {}): Strategy => ({
  kind: 'replace',
  ...facts,
  ...more,
});
const writeOnly = (facts: FieldFacts): Strategy => ({ kind: 'writeOnly', ...facts });
const merge = (
  fields: Record<string, Strategy>,
  facts: FieldFacts = {},
  options: { rest?: Strategy; cleared?: (key: string) => unknown } = {},
): MergeStrategy => ({ kind: 'merge', fields, ...facts, ...options });

// A label is the same in every provider that has the key (see CONFIG_FIELD_KINDS).
const configLabels = new Map(Object.values(PROVIDER_CONFIG_FIELDS).flatMap((fields) => fields.map((f) => [f.key, f.label] as const)));
const providerConfigFields: Record<string, Strategy> = Object.fromEntries(
  [...CONFIG_FIELD_KINDS].map(([key, kind]) => {
    const facts = { label: configLabels.get(key) ?? key };
    return [key, kind === 'secret' ? writeOnly({ ...facts, secret: true }) : replace(facts)];
  }),
);

/** A username and password, typed "any": replaced whole, so the password goes with it. */
const credentials = (label: string) =>
  replace(
    { label, errorsAt: 'username' },
    { parts: { username: replace({ label: 'Username' }), password: replace({ label: 'Password', secret: true }) } },
  );

export const AGENT_PATCH_STRATEGY: MergeStrategy = merge({
  name: replace({ label: 'Name', section: 'general' }),
  description: replace({ label: 'Description', section: 'general' }),
  project: replace({ label: 'Project', section: 'general' }),
  language: replace({ label: 'Language', section: 'general' }),
  agent_speaks_first: replace({ label: 'Agent speaks first', section: 'general' }),
  email_id: replace({ label: 'Email', section: 'general' }),
  mock_tools_enabled: replace({ label: 'Mock tools enabled', section: 'general' }),
  predefined_metrics: writeOnly({ label: 'Predefined metrics', section: 'general' }),
  webhook_url: replace({ label: 'Webhook URL', section: 'webhook' }),
  webhook_secret: writeOnly({ label: 'Webhook secret', section: 'webhook', secret: true }),
  telephony: merge(
    {
      phone_number: replace({ label: 'Phone number' }),
      inbound: replace({ label: 'Inbound' }),
      sip_uri: replace({ label: 'SIP URI' }),
      sip_auth: credentials('SIP auth'),
      websocket_url: replace({ label: 'WebSocket URL' }),
      websocket_auth: credentials('WebSocket auth'),
      outbound_numbers: replace({ label: 'Outbound numbers' }, { formItem: 'value' }),
    },
    { label: 'Telephony', section: 'telephony' },
  ),
  provider: merge(
    {
      type: replace({ label: 'Provider type' }),
      agent_id: replace({ label: 'Provider agent ID' }),
      credentials: merge(
        {
          api_key: writeOnly({ label: 'API key', secret: true }),
          config: merge(providerConfigFields, { group: 'Provider setting', errorsAt: '../api_key' }, {
            rest: replace(),
            cleared: (key) => (CONFIG_FIELD_KINDS.get(key) === 'json' ? null : ''),
          }),
        },
        { formKey: '', errorsAt: 'api_key' },
      ),
      chat_agent_details: merge(
        {
          type: replace({ label: 'Chat agent type', formKey: 'chat_type' }),
          config: merge({ agent_id: replace({ label: 'Chat agent ID', formKey: 'chat_agent_id' }) }, { formKey: '', errorsAt: 'chat_agent_id' }, {
            rest: replace(),
            cleared: () => '',
          }),
        },
        { formKey: '', errorsAt: 'chat_agent_id' },
      ),
      auto_dial_outbound: replace({ label: 'Auto-dial outbound' }),
      auto_import_calls: replace({ label: 'Auto-import calls' }),
      auto_sync_prompt: replace({ label: 'Auto-sync prompt' }),
      send_post_conversation_metadata: replace({ label: 'Send post-conversation metadata' }),
      redact_fields: replace({ label: 'Redact fields' }),
      configure_from_provider: writeOnly({ label: 'Configure from provider' }),
    },
    { label: 'Provider', section: 'provider' },
  ),
  knowledge_base_files: {
    kind: 'collection',
    label: 'Knowledge base',
    section: 'knowledge-base',
    match: { key: 'id', labelKey: 'file_name' },
    itemNoun: 'file',
    send: 'key',
    // A kept file is `{id}`, a new one `{file_name (or name), content_base64}`; `file_size` is the form's.
    item: {
      id: replace({ errorsAt: '../file_name' }),
      file_name: replace({ label: 'Name' }),
      name: replace({ errorsAt: '../file_name' }),
      file_size: replace({ label: 'Size' }),
      content_base64: replace({ label: 'Content', errorsAt: '../file_name' }),
    },
  },
  mock_tools: {
    kind: 'collection',
    label: 'Mock tools',
    section: 'mock-tools',
    // The contract: an item with `id`, or whose `name` matches an existing tool, updates it.
    match: { key: 'id', orKey: 'name', labelKey: 'name' },
    itemNoun: 'mock tool',
    send: 'changedKeys',
    item: {
      name: replace({ label: 'Name' }),
      description: replace({ label: 'Description' }),
      // mock_data is "any": replaced whole.
      mock_data: replace({ label: 'Mock data' }),
      freetext_params: replace({ label: 'Freetext params' }, { formItem: 'value' }),
      served_via: replace(
        { label: 'Served via' },
        { parts: { type: replace({ formKey: '' }), mock_index: replace({ label: 'MCP index', formKey: '../mock_index' }) } },
      ),
    },
  },
  dynamic_variables: {
    kind: 'collection',
    label: 'Dynamic variables',
    section: 'dynamic-variables',
    match: { key: 'name', labelKey: 'name' },
    itemNoun: 'variable',
    send: 'whole',
    item: { name: replace({ label: 'Name' }), description: replace({ label: 'Description' }) },
  },
});

/** Read-only keys of the agent: never sent, ignored when received. */
export const READ_ONLY_AGENT_KEYS = [
  'id',
  'enabled_personalities',
  'mock_tools_provider',
  'created_at',
  'updated_at',
  'webhook_secret_configured',
] as const;
