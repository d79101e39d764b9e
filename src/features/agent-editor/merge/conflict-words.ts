import { LANGUAGES } from '../../../agent/constants';
import { isPlainObject } from '../../../agent/deep-equal';
import { fieldAt } from '../../../agent/field-catalogue';
import type { Conflict } from '../../../agent/merge-agent-edits';

const MAX_TEXT = 120;

function quoted(text: string): string {
  return text === '' ? 'empty' : `“${text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text}”`;
}

function isSecret(path: string): boolean {
  return fieldAt(path)?.secret === true;
}

/** An item of a collection as the form holds it: its name and, when it has one, its description. */
function itemInWords(item: Record<string, unknown>): string {
  const name = typeof item.file_name === 'string' ? item.file_name : typeof item.name === 'string' ? item.name : '';
  const description = typeof item.description === 'string' && item.description !== '' ? `: ${quoted(item.description)}` : '';
  return `${quoted(name)}${description}`;
}

function valueInWords(fieldPath: string, value: unknown): string {
  if (value === undefined) return 'not there';
  if (isSecret(fieldPath)) return value === '' || value === null ? 'not set' : 'set (hidden)';
  if (fieldPath === 'agent_speaks_first') return value === 'agent' ? 'Agent' : value === 'caller' ? 'Caller' : 'Auto-detect';
  if (fieldPath === 'language' && typeof value === 'string' && value in LANGUAGES) return LANGUAGES[value as keyof typeof LANGUAGES];
  if (value === null) return 'not set';
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quoted(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((v) => (isPlainObject(v) && 'value' in v ? String(v.value) : isPlainObject(v) ? itemInWords(v) : String(v))).join(', ');
  }
  if (isPlainObject(value)) {
    // A whole collection item, or credentials (their password never shown).
    if (fieldPath.endsWith('.*')) return itemInWords(value);
    if ('username' in value) {
      if (value.username === '' && (value.password === '' || value.password === undefined)) return 'not set';
      return `user ${quoted(String(value.username))}, password hidden`;
    }
    return Object.entries(value)
      .filter(([key]) => !isSecret(`${fieldPath}.${key}`))
      .map(([key, v]) => `${fieldAt(`${fieldPath}.${key}`)?.label || key}: ${valueInWords(`${fieldPath}.${key}`, v)}`)
      .join('; ');
  }
  return JSON.stringify(value);
}

/**
 * One side of a conflict in words: text quoted, choices by their names, secrets hidden, a
 * collection item by its name and description, "not there" for an item deleted or not added.
 *
 * @example conflictValueInWords(conflict, 'theirs') // → '“Answers refund questions.”'
 */
export function conflictValueInWords(conflict: Conflict, side: 'base' | 'mine' | 'theirs'): string {
  return valueInWords(conflict.fieldPath, conflict[side]);
}
