import type { UrlKind } from './rules';

/** Enumerations of the Cekura agent API, as published in its OpenAPI document. */

export const LANGUAGES = {
  af: 'Afrikaans', ar: 'Arabic', bn: 'Bengali', bg: 'Bulgarian', zh: 'Chinese Simplified',
  cs: 'Czech', da: 'Danish', nl: 'Dutch', en: 'English', et: 'Estonian', fi: 'Finnish',
  fr: 'French', de: 'German', el: 'Greek', gu: 'Gujarati', hi: 'Hindi', he: 'Hebrew',
  hu: 'Hungarian', id: 'Indonesian', it: 'Italian', ja: 'Japanese', kn: 'Kannada', ko: 'Korean',
  ms: 'Malay', ml: 'Malayalam', mr: 'Marathi', multi: 'Multilingual', no: 'Norwegian',
  pl: 'Polish', pa: 'Punjabi', pt: 'Portuguese', ro: 'Romanian', ru: 'Russian', sk: 'Slovak',
  es: 'Spanish', sv: 'Swedish', th: 'Thai', tr: 'Turkish', tl: 'Tagalog', ta: 'Tamil',
  te: 'Telugu', uk: 'Ukrainian', vi: 'Vietnamese',
} as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as [Language, ...Language[]];

export const PROVIDER_TYPES = [
  'vapi', 'retell', 'elevenlabs', 'cisco', 'bland', 'livekit', 'pipecat', 'synthflow', 'agora',
  'koreai', 'genesys', 'amazon_connect', 'telnyx', 'custom', '',
] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const CHAT_AGENT_TYPES = [
  'retell', 'bland', 'vapi', 'elevenlabs', 'livekit', 'agora', 'sms', 'whatsapp', 'self_hosted',
  'agentforce', 'amazon_connect', 'koreai', 'sierra', '',
] as const;
export type ChatAgentType = (typeof CHAT_AGENT_TYPES)[number];

export const REDACT_FIELDS = [
  'person_name', 'age', 'phone_number', 'email_address', 'date', 'time', 'location', 'origin',
  'gender_sexuality', 'physical_attribute', 'occupation', 'username', 'password', 'ip_address',
  'url', 'filename', 'event', 'vehicle_id', 'dob', 'healthcare_number', 'medical_professional',
  'credit_card', 'account_number', 'bank_account', 'money', 'ssn', 'passport_number',
  'driver_license', 'numerical_pii',
] as const;
export type RedactField = (typeof REDACT_FIELDS)[number];

/** How a provider-config field is edited; `secret` fields are write-only. */
type ConfigFieldKind = 'text' | 'url' | 'secret' | 'boolean' | 'json' | 'select';
export interface ConfigField {
  key: string;
  label: string;
  kind: ConfigFieldKind;
  options?: readonly string[];
  required?: boolean;
  /** For a `url`: which URLs it takes (http(s) when not said). */
  urlKind?: UrlKind;
}

const triggerFields: ConfigField[] = [
  { key: 'trigger_url', label: 'Trigger URL', kind: 'url' },
  { key: 'trigger_secret', label: 'Trigger secret', kind: 'secret' },
];

/** The credentials.config fields of each provider type (OpenAPI `*Config` schemas). */
export const PROVIDER_CONFIG_FIELDS: Record<ProviderType, readonly ConfigField[]> = {
  vapi: [{ key: 'public_key', label: 'Public key', kind: 'text' }, ...triggerFields],
  retell: [...triggerFields, { key: 'livekit_server_url', label: 'LiveKit server URL', kind: 'url', urlKind: 'server' }],
  elevenlabs: [
    ...triggerFields,
    { key: 'elevenlabs_region', label: 'Region', kind: 'select', options: ['us', 'eu'] },
    { key: 'elevenlabs_base_url_override', label: 'Base URL override', kind: 'url' },
  ],
  bland: [{ key: 'encrypted_key', label: 'Encrypted key', kind: 'text' }],
  livekit: [
    { key: 'url', label: 'LiveKit URL', kind: 'url', urlKind: 'server', required: true },
    { key: 'api_secret', label: 'API secret', kind: 'text', required: true },
    { key: 'agent_name', label: 'Agent name', kind: 'text' },
    { key: 'config', label: 'LiveKit config', kind: 'json' },
    { key: 'tracing_enabled', label: 'Tracing enabled', kind: 'boolean' },
    ...triggerFields,
  ],
  pipecat: [
    { key: 'pipecat_agent_name', label: 'Pipecat agent name', kind: 'text' },
    { key: 'webhook_url', label: 'Pipecat webhook URL', kind: 'url' },
    { key: 'config', label: 'Pipecat config', kind: 'json' },
    { key: 'room_properties', label: 'Room properties', kind: 'json' },
    { key: 'tracing_enabled', label: 'Tracing enabled', kind: 'boolean' },
  ],
  synthflow: [{ key: 'synthflow_base_url_override', label: 'Base URL override', kind: 'url' }],
  koreai: [
    { key: 'client_id', label: 'Client ID', kind: 'text', required: true },
    { key: 'bot_id', label: 'Bot ID', kind: 'text', required: true },
    { key: 'host', label: 'Host', kind: 'text' },
  ],
  genesys: [
    { key: 'client_id', label: 'Client ID', kind: 'text', required: true },
    { key: 'region', label: 'Region', kind: 'text', required: true },
  ],
  amazon_connect: [
    { key: 'widget_id', label: 'Widget ID', kind: 'text' },
    { key: 'snippet_id', label: 'Snippet ID', kind: 'text' },
    { key: 'connect_host', label: 'Connect host', kind: 'text' },
    { key: 'region', label: 'Region', kind: 'text' },
  ],
  custom: [
    { key: 'send_post_conversation_metadata', label: 'Send post-conversation metadata (config)', kind: 'boolean' },
    ...triggerFields,
  ],
  cisco: [],
  agora: [],
  telnyx: [],
  '': [],
};

/** Every config key the form knows, with its kind (a key means the same in every provider). */
export const CONFIG_FIELD_KINDS: ReadonlyMap<string, ConfigFieldKind> = new Map(
  Object.values(PROVIDER_CONFIG_FIELDS).flatMap((fields) => fields.map((f) => [f.key, f.kind] as const)),
);

/** The kind of URL each url-typed config key takes. */
export const CONFIG_URL_KINDS: ReadonlyMap<string, UrlKind> = new Map(
  Object.values(PROVIDER_CONFIG_FIELDS).flatMap((fields) => fields.flatMap((f) => (f.urlKind ? [[f.key, f.urlKind] as const] : []))),
);
