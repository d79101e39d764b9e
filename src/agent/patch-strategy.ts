import { CONFIG_FIELD_KINDS } from './constants';

/**
 * How each path of the agent behaves in a PATCH. This table is the single home of the
 * contract's rules, including the assumed ones: the patch builder, the emulator's apply step
 * and the tests all read it. To flip an assumed rule, change it here.
 */
export type Strategy =
  /** A scalar or a JSON "any" value: sent whole when not deep-equal to the old one. */
  | { kind: 'replace' }
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
  /** A full set of files: kept ones as `{id}`, new ones whole; omitted ones are deleted. */
  | { kind: 'fileSet' }
  /** A full set of items matched by `id` (or name): kept ones as `{id}` plus changed keys. */
  | { kind: 'itemSetById'; item: Readonly<Record<string, Strategy>> }
  /** A full set matched by name; every item is sent whole. */
  | { kind: 'itemSetByName' };

export type MergeStrategy = Extract<Strategy, { kind: 'merge' }>;

const replace: Strategy = { kind: 'replace' };
const writeOnly: Strategy = { kind: 'writeOnly' };
const merge = (
  fields: Record<string, Strategy>,
  options: { rest?: Strategy; cleared?: (key: string) => unknown } = {},
): MergeStrategy => ({ kind: 'merge', fields, ...options });

const providerConfigFields: Record<string, Strategy> = Object.fromEntries(
  [...CONFIG_FIELD_KINDS].map(([key, kind]) => [key, kind === 'secret' ? writeOnly : replace]),
);

export const AGENT_PATCH_STRATEGY: MergeStrategy = merge({
  name: replace,
  description: replace,
  project: replace,
  language: replace,
  agent_speaks_first: replace,
  email_id: replace,
  mock_tools_enabled: replace,
  webhook_url: replace,
  webhook_secret: writeOnly,
  predefined_metrics: writeOnly,
  telephony: merge({
    phone_number: replace,
    inbound: replace,
    sip_uri: replace,
    sip_auth: replace,
    websocket_url: replace,
    websocket_auth: replace,
    outbound_numbers: replace,
  }),
  provider: merge({
    type: replace,
    agent_id: replace,
    credentials: merge({
      api_key: writeOnly,
      config: merge(providerConfigFields, {
        rest: replace,
        cleared: (key) => (CONFIG_FIELD_KINDS.get(key) === 'json' ? null : ''),
      }),
    }),
    chat_agent_details: merge({ type: replace, config: merge({}, { rest: replace, cleared: () => '' }) }),
    auto_dial_outbound: replace,
    auto_import_calls: replace,
    auto_sync_prompt: replace,
    send_post_conversation_metadata: replace,
    redact_fields: replace,
    configure_from_provider: writeOnly,
  }),
  knowledge_base_files: { kind: 'fileSet' },
  mock_tools: {
    kind: 'itemSetById',
    item: {
      name: replace,
      description: replace,
      // (assumed) only the keys present change; mock_data is "any", so it is replaced whole.
      mock_data: replace,
      freetext_params: replace,
      served_via: replace,
    },
  },
  dynamic_variables: { kind: 'itemSetByName' },
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
