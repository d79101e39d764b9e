import type { ApiAgent } from './api-schema';
import type { AgentFormValues, MockToolFormValues } from './form-schema';
import { agentToFormValues } from './mapping';

/**
 * Copying mock tools and variables from another agent into the form. A copy is a new item of
 * this agent: it carries none of the other agent's ids or server-assigned keys (a tool's
 * `served_via.url`, `mcp_server`, `subscriber_count`, `is_shared`), so the PATCH sends it whole
 * and the server creates it. A copy whose name the form already holds replaces that item or is
 * skipped, as the user chooses per item.
 */

export type VariableFormValues = AgentFormValues['dynamic_variables'][number];

/** The other agent's mock tools as new tools of this form (no id). */
export function mockToolCopies(agent: ApiAgent): MockToolFormValues[] {
  return agentToFormValues(agent).mock_tools.map(({ id: _id, ...tool }) => tool);
}

/** The other agent's variables as new variables of this form. */
export function variableCopies(agent: ApiAgent): VariableFormValues[] {
  return agentToFormValues(agent).dynamic_variables;
}

/** What to do with a copy whose name the form already holds. */
export type ClashChoice = 'replace' | 'skip';

export interface CopyPlan<T> {
  /** Copies to add after the form's items, in the order given. */
  append: T[];
  /** Form items to overwrite: `index` into the form's array, `value` the copy merged onto it. */
  replace: { index: number; value: T }[];
  /** Names of the copies left out because the form has them and the user chose Skip. */
  skipped: string[];
}

/**
 * Where each chosen copy goes: a name the form does not hold is appended; a name it holds is
 * replaced (through `replaceItem`, which keeps what identifies the existing item, e.g. a tool's
 * id, so the server updates it rather than deleting and creating) or skipped, as `choices` says
 * (Skip unless told). Names are compared trimmed; a copy without a name is always appended.
 *
 * @example planCopy([{ name: 'plan' }], [{ name: 'plan' }, { name: 'tier' }], new Map(), (_old, copy) => copy)
 * // → { append: [{ name: 'tier' }], replace: [], skipped: ['plan'] }
 */
export function planCopy<T extends { name: string }>(
  existing: readonly T[],
  chosen: readonly T[],
  choices: ReadonlyMap<string, ClashChoice>,
  replaceItem: (existing: T, copy: T) => T,
): CopyPlan<T> {
  const indexByName = new Map<string, number>();
  existing.forEach((item, index) => {
    const name = item.name.trim();
    if (name !== '' && !indexByName.has(name)) indexByName.set(name, index);
  });
  const plan: CopyPlan<T> = { append: [], replace: [], skipped: [] };
  for (const copy of chosen) {
    const name = copy.name.trim();
    const index = name === '' ? undefined : indexByName.get(name);
    const current = index === undefined ? undefined : existing[index];
    if (index === undefined || current === undefined) plan.append.push(copy);
    else if (choices.get(name) === 'replace') plan.replace.push({ index, value: replaceItem(current, copy) });
    else plan.skipped.push(name);
  }
  return plan;
}

/** A replaced tool keeps its id: the contract updates a tool matched by id in place. */
export function replaceMockTool(existing: MockToolFormValues, copy: MockToolFormValues): MockToolFormValues {
  return existing.id === undefined ? { ...copy } : { ...copy, id: existing.id };
}

/** A replaced variable takes the copy's description (variables are matched by name). */
export function replaceVariable(existing: VariableFormValues, copy: VariableFormValues): VariableFormValues {
  return { name: existing.name, description: copy.description };
}
