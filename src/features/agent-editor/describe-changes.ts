import { fieldAt } from '../../agent/field-catalogue';
import type { AgentWrite } from '../../agent/write-types';

/**
 * Names what a PATCH body changes, for the saved notification.
 *
 * @example describeChanges({ name: 'A', language: 'fr' }) // → 'Name and Language'
 */
export function describeChanges(patch: AgentWrite): string {
  // Telephony and Provider are named whole: the review lists their fields one by one.
  const labels = Object.keys(patch).map((key) => fieldAt(key)?.title || key);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}
