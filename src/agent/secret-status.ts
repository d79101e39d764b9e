import type { ApiAgent } from './api-schema';
import { isPlainObject } from './deep-equal';

/**
 * Whether the agent as read has a value for a secret, from what the API tells:
 * `webhook_secret_configured` for the webhook secret, `<key>_configured` in the provider config
 * for a trigger secret, the password of `sip_auth` / `websocket_auth` (typed "any", returned).
 * The provider API key is never returned and no flag tells whether one is set: `'unknown'`.
 */
export type SecretStatus = 'set' | 'not-set' | 'unknown';

const truthy = (value: unknown) => value === true || value === 'true' || value === 'True';

/**
 * @example secretStatus(agent, 'webhook_secret') // → 'set' when `webhook_secret_configured` is true
 * @example secretStatus(agent, 'provider.credentials.api_key') // → 'unknown'
 */
export function secretStatus(agent: ApiAgent, path: string): SecretStatus {
  if (path === 'webhook_secret') return truthy(agent.webhook_secret_configured) ? 'set' : 'not-set';
  if (path === 'provider.credentials.api_key' || path === 'provider.api_key') return 'unknown';
  const config = /^provider\.(?:credentials\.)?config\.(.+)$/.exec(path);
  if (config) return truthy(agent.provider?.credentials?.config?.[`${config[1] ?? ''}_configured`]) ? 'set' : 'not-set';
  const credentials = /^telephony\.(sip_auth|websocket_auth)\.password$/.exec(path);
  if (credentials) {
    const value: unknown = credentials[1] === 'sip_auth' ? agent.telephony?.sip_auth : agent.telephony?.websocket_auth;
    return isPlainObject(value) && typeof value.password === 'string' && value.password !== '' ? 'set' : 'not-set';
  }
  return 'unknown';
}

/** The status in words, as the editor and the review show it. */
export const SECRET_STATUS_WORDS: Readonly<Record<SecretStatus, string>> = { set: 'Set', 'not-set': 'Not set', unknown: 'Hidden' };
