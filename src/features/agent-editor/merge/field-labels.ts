import type { ApiAgent } from '../../../agent/api-schema';
import { buildAgentPatch } from '../../../agent/build-agent-patch';
import { isPlainObject } from '../../../agent/deep-equal';
import { fieldAt } from '../../../agent/field-catalogue';
import { agentToFormValues } from '../../../agent/mapping';
import { fallbackLabelOf } from '../../../agent/merge-agent-edits';
import type { LabelOf } from '../../../agent/merge-agent-edits';

/**
 * A conflict's label from the field catalogue: the field's title, and inside a collection the
 * collection's label and the item's name.
 *
 * @example catalogueLabelOf('telephony.phone_number') // → 'Phone number'
 * @example catalogueLabelOf('mock_tools.*.description', 'refund') // → 'Mock tools “refund”: Description'
 */
export const catalogueLabelOf: LabelOf = (fieldPath, itemName) => {
  const segments = fieldPath.split('.');
  const star = segments.indexOf('*');
  if (star < 0) return fieldAt(fieldPath)?.title || fallbackLabelOf(fieldPath, itemName);
  const collection = segments.slice(0, star).join('.');
  const head = `${fieldAt(collection)?.label || collection} “${itemName ?? ''}”`;
  if (star === segments.length - 1) return head;
  const field = fieldAt(fieldPath)?.label;
  return field ? `${head}: ${field}` : fallbackLabelOf(fieldPath, itemName);
};

/** The labels of the leaves of a PATCH body, in its order, once each. */
function labelsOfPatch(node: Record<string, unknown>, path: string[] = []): string[] {
  return Object.entries(node).flatMap(([key, value]) => {
    const here = [...path, key].join('.');
    const row = fieldAt(here);
    if (row?.strategy.kind === 'merge' && isPlainObject(value)) return labelsOfPatch(value, [...path, key]);
    return [row?.title || row?.label || key];
  });
}

/**
 * What changed between two versions of the agent, as the labels of the fields (in the
 * catalogue's words; a collection by its own label). Write-only values cannot be compared.
 *
 * @example changedFieldLabels(loaded, latest) // → ['Description', 'Dynamic variables']
 */
export function changedFieldLabels(from: ApiAgent, to: ApiAgent): string[] {
  return [...new Set(labelsOfPatch(buildAgentPatch(from, agentToFormValues(to)) as Record<string, unknown>))];
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
