import type { ApiAgent } from './api-schema';
import { buildAgentPatch } from './build-agent-patch';
import { isPlainObject } from './deep-equal';
import { fieldAt } from './field-catalogue';
import type { AgentFormValues } from './form-schema';
import { agentToFormValues } from './mapping';
import { AGENT_PATCH_STRATEGY } from './patch-strategy';
import type { Strategy } from './patch-strategy';

/** Every form path of a write-only field (API key, webhook secret, trigger secrets, predefined metrics…). */
function writeOnlyFormPaths(): string[] {
  const out: string[] = [];
  const walk = (path: string, strategy: Strategy) => {
    if (strategy.kind === 'writeOnly') {
      const row = fieldAt(path);
      if (row) out.push(row.formPath);
      return;
    }
    if (strategy.kind === 'merge') for (const [key, child] of Object.entries(strategy.fields)) walk(`${path}.${key}`, child);
  };
  for (const [key, child] of Object.entries(AGENT_PATCH_STRATEGY.fields)) walk(key, child);
  return out;
}
const WRITE_ONLY = writeOnlyFormPaths();

/** Puts `from`'s value at `formPath` into `into`, or removes the key when `from` has none. */
function copyAt(into: unknown, from: unknown, formPath: string): void {
  const keys = formPath.split('.');
  const last = keys.pop() ?? '';
  const walk = (node: unknown) => keys.reduce<unknown>((n, key) => (isPlainObject(n) ? n[key] : undefined), node);
  const target = walk(into);
  const source = walk(from);
  if (!isPlainObject(target)) return;
  if (isPlainObject(source) && last in source) target[last] = source[last];
  else Reflect.deleteProperty(target, last);
}

/** True when `diff` changes something `sent` also changed (a key, or a leaf inside merged objects). */
function overlaps(diff: Record<string, unknown>, sent: Record<string, unknown>): boolean {
  return Object.keys(diff).some((key) => {
    if (!(key in sent)) return false;
    const d = diff[key];
    const s = sent[key];
    return isPlainObject(d) && isPlainObject(s) ? overlaps(d, s) : true;
  });
}

/**
 * Whether a save whose answer never came (cancelled, timed out) was applied: `sent` are the
 * form values the PATCH was built from over `before`; `fresh` is the agent read back. Items the
 * save created take the ids the server gave them (matched by name among the new ones);
 * write-only values cannot be read back and are not compared; changes to other fields (a
 * colleague's) do not count.
 *
 * @example patchLanded(baseline, valuesSent, await getAgent(id)) // → true: adopt `fresh`, nothing to send again
 */
export function patchLanded(before: ApiAgent, sent: AgentFormValues, fresh: ApiAgent): boolean {
  const patch = buildAgentPatch(before, sent);
  if (Object.keys(patch).length === 0) return true;
  const values = structuredClone(sent);
  const freshValues = agentToFormValues(fresh);
  for (const formPath of WRITE_ONLY) copyAt(values, freshValues, formPath);

  // A new file or tool has an id only once saved: take the id of a new one of the same name.
  const oldFiles = new Set((before.knowledge_base_files ?? []).map((f) => f.id));
  const newFiles = (fresh.knowledge_base_files ?? []).filter((f) => !oldFiles.has(f.id));
  values.knowledge_base_files = values.knowledge_base_files.map((file) => {
    if (file.id !== undefined) return file;
    const index = newFiles.findIndex((f) => f.file_name === file.file_name);
    const [match] = index < 0 ? [] : newFiles.splice(index, 1);
    return match ? { id: match.id, file_name: file.file_name, file_size: match.file_size ?? file.file_size } : file;
  });
  const oldTools = new Set((before.mock_tools ?? []).map((t) => t.id));
  const newTools = (fresh.mock_tools ?? []).filter((t) => !oldTools.has(t.id));
  values.mock_tools = values.mock_tools.map((tool) => {
    if (tool.id !== undefined) return tool;
    const match = newTools.find((t) => (t.name ?? '') === tool.name.trim());
    return match ? { ...tool, id: match.id } : tool;
  });

  const remaining = buildAgentPatch(fresh, values) as Record<string, unknown>;
  return !overlaps(remaining, patch as Record<string, unknown>);
}
