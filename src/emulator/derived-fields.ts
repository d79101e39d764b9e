import type { StoredAgent } from '../agent/apply-agent-patch';
import { CONFIG_FIELD_KINDS, PROVIDER_CONFIG_FIELDS } from '../agent/constants';
import type { ProviderType } from '../agent/constants';
import { isPlainObject } from '../agent/deep-equal';

const CONFIGURED_FLAGS = new Set([...CONFIG_FIELD_KINDS].filter(([, kind]) => kind === 'secret').map(([key]) => `${key}_configured`));

/**
 * Read-only values the server derives from the rest of the agent, recomputed after every write:
 * `provider.chat_provider` mirrors the chat type, and each write-only config secret shows as
 * `<key>_configured` (the OpenAPI: "responses expose trigger_secret_configured instead").
 */
export function deriveReadOnlyFields(agent: StoredAgent): void {
  const provider = agent.provider;
  if (!isPlainObject(provider)) return;
  const chat = provider.chat_agent_details;
  const chatType = isPlainObject(chat) && typeof chat.type === 'string' ? chat.type : '';
  if (chatType !== '') provider.chat_provider = chatType;
  else delete provider.chat_provider;

  const credentials = provider.credentials;
  if (!isPlainObject(credentials) || !isPlainObject(credentials.config)) return;
  const config = Object.fromEntries(Object.entries(credentials.config).filter(([key]) => !CONFIGURED_FLAGS.has(key)));
  credentials.config = config;
  const type = (typeof provider.type === 'string' && provider.type in PROVIDER_CONFIG_FIELDS ? provider.type : '') as ProviderType;
  for (const field of PROVIDER_CONFIG_FIELDS[type]) {
    if (field.kind === 'secret') config[`${field.key}_configured`] = typeof config[field.key] === 'string' && config[field.key] !== '';
  }
}
