import { VARIABLE_NAME_RULE } from './rules';

/**
 * Cekura fills `{{variable}}` placeholders in an agent's description with its dynamic variables.
 *
 * What counts as a placeholder: two opening braces, optional whitespace, a name that follows the
 * variable name rule (`VARIABLE_NAME_RULE`: a letter or `_`, then letters, digits and `_`),
 * optional whitespace, two closing braces. `{{ customer_name }}` and `{{customer_name}}` both
 * use `customer_name`. Anything else between braces (`{{ not a name }}`, `{{1st}}`, `{{a.b}}`,
 * `{{}}`) is not a placeholder: no variable could fill it, since no variable can have that name.
 * Names are case-sensitive, as variable names are.
 */

// The rule's pattern without its anchors, so a placeholder's name is exactly a valid variable name.
const NAME = VARIABLE_NAME_RULE.pattern.source.replace(/^\^/, '').replace(/\$$/, '');
const PLACEHOLDER = new RegExp(`\\{\\{\\s*(${NAME})\\s*\\}\\}`, 'g');

/**
 * The names of the placeholders `text` uses, each once, in the order they first appear.
 *
 * @example placeholderNames('Hi {{ customer_name }}, plan {{plan}}; again {{plan}}') // → ['customer_name', 'plan']
 */
export function placeholderNames(text: string): string[] {
  // Most descriptions have no placeholder at all: skip the regex scan of a long text.
  if (!text.includes('{{')) return [];
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (name !== undefined) names.add(name);
  }
  return [...names];
}

/** How the description's placeholders and the agent's variables line up. */
export interface PlaceholderCheck {
  /** Placeholders no variable fills, in the description's order. */
  missing: string[];
  /** Variables (trimmed names, in the given order) no placeholder uses. */
  unused: string[];
}

/**
 * Which placeholders have no variable and which variables no placeholder uses. Variable names
 * are compared trimmed (as they are saved); empty names are left out.
 *
 * @example checkPlaceholders(['customer_name', 'plan'], ['plan', 'postcode']) // → { missing: ['customer_name'], unused: ['postcode'] }
 */
export function checkPlaceholders(placeholders: readonly string[], variableNames: readonly string[]): PlaceholderCheck {
  const used = new Set(placeholders);
  const variables = new Set<string>();
  const unused: string[] = [];
  for (const raw of variableNames) {
    const name = raw.trim();
    if (name === '' || variables.has(name)) continue;
    variables.add(name);
    if (!used.has(name)) unused.push(name);
  }
  return { missing: placeholders.filter((name) => !variables.has(name)), unused };
}

/**
 * Variables a save would remove (in `before`, not in `after`) that the description still uses,
 * in the description's order.
 *
 * @example removedVariablesInUse(['plan', 'postcode'], ['postcode'], 'Your plan: {{plan}}') // → ['plan']
 */
export function removedVariablesInUse(before: readonly string[], after: readonly string[], description: string): string[] {
  const kept = new Set(after.map((name) => name.trim()));
  const removed = new Set(before.map((name) => name.trim()).filter((name) => name !== '' && !kept.has(name)));
  if (removed.size === 0) return [];
  return placeholderNames(description).filter((name) => removed.has(name));
}
