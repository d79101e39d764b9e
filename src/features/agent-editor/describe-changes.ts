import type { AgentWrite } from '../../agent/write-types';
import { fieldLabel } from './review-changes';

/** Top-level groups that the review lists field by field; the notification names them whole. */
const GROUP_LABELS: Partial<Record<keyof AgentWrite, string>> = { telephony: 'Telephony', provider: 'Provider' };

/**
 * Names what a PATCH body changes, for the saved notification.
 *
 * @example describeChanges({ name: 'A', language: 'fr' }) // → 'Name and Language'
 */
export function describeChanges(patch: AgentWrite): string {
  const labels = (Object.keys(patch) as (keyof AgentWrite)[]).map((key) => GROUP_LABELS[key] ?? fieldLabel(key));
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}
