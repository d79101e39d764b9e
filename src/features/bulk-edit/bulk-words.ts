import type { BulkChange } from '../../agent/bulk-patch';
import { LANGUAGES } from '../../agent/constants';
import type { AgentWrite } from '../../agent/write-types';

const SPEAKS_FIRST: Readonly<Record<string, string>> = { agent: 'the agent', caller: 'the caller', auto: 'auto-detect' };

function valueInWords(field: string, value: unknown, projectNames: ReadonlyMap<number, string>): string {
  if (value === null || value === undefined) return 'not set';
  if (field === 'project' && typeof value === 'number') return projectNames.get(value) ?? `Project ${value}`;
  if (field === 'language' && typeof value === 'string') return value in LANGUAGES ? LANGUAGES[value as keyof typeof LANGUAGES] : value;
  if (field === 'agent_speaks_first' && typeof value === 'string') return SPEAKS_FIRST[value] ?? value;
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(String).join(', ');
  if (typeof value === 'string') return value.trim() === '' ? 'empty' : `“${value.trim()}”`;
  return JSON.stringify(value);
}

/**
 * One change of a bulk edit on one agent, in words with the catalogue's labels.
 *
 * @example changeInWords({ kind: 'field', field: 'webhook_url', label: 'Webhook URL', from: '', to: 'https://x.example' }, names) // → 'Webhook URL: empty → “https://x.example”'
 */
export function changeInWords(change: BulkChange, projectNames: ReadonlyMap<number, string>): string {
  if (change.kind === 'item') {
    const verb = change.action === 'add' ? 'adds' : change.action === 'update' ? 'updates' : 'removes';
    const shared = change.shared ? ' (a shared tool: this changes it for every agent that uses it)' : '';
    return `${change.label}: ${verb} “${change.name}”${shared}`;
  }
  // A secret is write-only: never shown, not even masked in part.
  if (change.field === 'webhook_secret') return `${change.label}: replaced with the secret typed (hidden)`;
  return `${change.label}: ${valueInWords(change.field, change.from, projectNames)} → ${valueInWords(change.field, change.to, projectNames)}`;
}

/** The PATCH as shown: exact, but for the webhook secret, which is masked. */
export function patchForDisplay(patch: AgentWrite): string {
  const shown = patch.webhook_secret === undefined ? patch : { ...patch, webhook_secret: '••••••••' };
  return JSON.stringify(shown, null, 2);
}
