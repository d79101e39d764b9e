import type { BulkEditSpec } from './bulk-patch';
import { mockToolProblems } from './form-schema';
import { isUrlOfKind, MOCK_TOOL_NAME_RULE, URL_KINDS, VARIABLE_NAME_RULE } from './rules';

/**
 * Why a bulk edit cannot be sent yet: a message per place, keyed `webhook_url`,
 * `variables.0.name`, `tools.1.mock_data`, `removals.0.name`. Empty when it can be.
 * The rules are the editor's (`rules.ts`, the form schema's mock-tool check).
 *
 * @example bulkEditProblems({ ...EMPTY_BULK_EDIT, fields: { webhook_url: 'ftp://x' } }) // → { webhook_url: 'Enter a URL starting with http:// or https://' }
 */
export function bulkEditProblems(spec: BulkEditSpec): Record<string, string> {
  const out: Record<string, string> = {};
  const { webhook_url: url, webhook_secret: secret, project } = spec.fields;
  if (url !== undefined && url.trim() !== '' && !isUrlOfKind(url.trim(), 'http')) out.webhook_url = URL_KINDS.http.message;
  if (secret !== undefined && secret === '') out.webhook_secret = 'Type the new secret';
  if (project !== undefined && !(Number.isInteger(project) && project > 0)) out.project = 'Choose a project';

  const variableNames = new Set<string>();
  spec.variables.forEach((variable, i) => {
    const name = variable.name.trim();
    if (!VARIABLE_NAME_RULE.pattern.test(name)) out[`variables.${i}.name`] = VARIABLE_NAME_RULE.message;
    else if (variableNames.has(name)) out[`variables.${i}.name`] = 'Another variable here has this name';
    variableNames.add(name);
    if (variable.description.trim() === '') out[`variables.${i}.description`] = 'Description is required';
  });

  const toolNames = new Set<string>();
  spec.tools.forEach((tool, i) => {
    const name = tool.name.trim();
    const problems = mockToolProblems({ name, description: tool.description, mock_data: tool.mock_data, freetext_params: [], served_via: 'direct', mock_index: null });
    if (!MOCK_TOOL_NAME_RULE.pattern.test(name)) out[`tools.${i}.name`] = MOCK_TOOL_NAME_RULE.message;
    else if (toolNames.has(name)) out[`tools.${i}.name`] = 'Another mock tool here has this name';
    toolNames.add(name);
    if (problems.mock_data !== undefined) out[`tools.${i}.mock_data`] = problems.mock_data;
  });

  const removed = new Set<string>();
  spec.removals.forEach((removal, i) => {
    const name = removal.name.trim();
    const key = `${removal.kind}:${name}`;
    const upserted = removal.kind === 'variable' ? variableNames : toolNames;
    if (name === '') out[`removals.${i}.name`] = 'Enter a name';
    else if (upserted.has(name)) out[`removals.${i}.name`] = `This ${removal.kind === 'variable' ? 'variable' : 'mock tool'} is also added or updated above`;
    else if (removed.has(key)) out[`removals.${i}.name`] = 'Already removed above';
    removed.add(key);
  });
  return out;
}
