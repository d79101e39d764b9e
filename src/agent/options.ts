import { CHAT_AGENT_TYPES, LANGUAGES, PROVIDER_TYPES, REDACT_FIELDS } from './constants';

/**
 * The choices the editor offers, each with the label it shows: the form's selects and radios
 * and the review's words read them here, so "vapi" reads "Vapi" in both.
 */

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

const PLATFORM_LABELS: Readonly<Record<string, string>> = {
  vapi: 'Vapi', retell: 'Retell', elevenlabs: 'ElevenLabs', cisco: 'Cisco', bland: 'Bland', livekit: 'LiveKit',
  pipecat: 'Pipecat', synthflow: 'Synthflow', agora: 'Agora', koreai: 'Kore.ai', genesys: 'Genesys',
  amazon_connect: 'Amazon Connect', telnyx: 'Telnyx', custom: 'Custom (self-hosted or chat-only)',
  sms: 'SMS', whatsapp: 'WhatsApp', self_hosted: 'Self-hosted', agentforce: 'Agentforce', sierra: 'Sierra',
};

/**
 * A provider or chat type by its label; `''` is "None".
 *
 * @example platformLabel('elevenlabs') // → 'ElevenLabs'
 */
export function platformLabel(type: string): string {
  return type === '' ? 'None' : (PLATFORM_LABELS[type] ?? type);
}

export const PROVIDER_TYPE_OPTIONS: readonly Option[] = PROVIDER_TYPES.map((value) => ({ value, label: platformLabel(value) }));
export const CHAT_AGENT_TYPE_OPTIONS: readonly Option[] = CHAT_AGENT_TYPES.map((value) => ({ value, label: platformLabel(value) }));

/** @example redactFieldLabel('email_address') // → 'email address' */
export function redactFieldLabel(field: string): string {
  return field.replace(/_/g, ' ');
}
export const REDACT_FIELD_OPTIONS: readonly Option[] = REDACT_FIELDS.map((value) => ({ value, label: redactFieldLabel(value) }));

/** Languages by name, sorted by it. */
export const LANGUAGE_OPTIONS: readonly Option[] = Object.entries(LANGUAGES)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** `agent_speaks_first` as the form holds it (`true` / `false` / `null` in the API). */
export const SPEAKS_FIRST_OPTIONS: readonly Option<'agent' | 'caller' | 'auto'>[] = [
  { value: 'agent', label: 'Agent' },
  { value: 'caller', label: 'Caller' },
  { value: 'auto', label: 'Auto-detect' },
];

/** A `true / false / null` provider setting: On, Off, or the provider's default. */
export const NULLABLE_BOOLEAN_OPTIONS: readonly Option<'default' | 'on' | 'off'>[] = [
  { value: 'default', label: 'Provider default' },
  { value: 'on', label: 'On' },
  { value: 'off', label: 'Off' },
];

/** How a mock tool is served. */
export const SERVED_VIA_OPTIONS: readonly Option<'direct' | 'mcp'>[] = [
  { value: 'direct', label: 'Direct' },
  { value: 'mcp', label: 'MCP' },
];

/** The label of `value` among `options`, or the value itself. */
export function optionLabel(options: readonly Option[], value: string): string {
  return options.find((o) => o.value === value)?.label ?? value;
}
