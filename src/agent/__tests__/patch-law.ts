import type { ApiAgent } from '../api-schema';
import { applyAgentPatch, PatchRejected, storedAgentToResponse } from '../apply-agent-patch';
import type { ApplyContext, StoredAgent } from '../apply-agent-patch';
import { parseApiAgent } from '../api-schema';
import { CONFIG_FIELD_KINDS } from '../constants';
import { deepEqual, isPlainObject } from '../deep-equal';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues, formValuesToWrite } from '../mapping';
import type { AgentWrite } from '../write-types';

/** The law of CONTRACT.md: applying the body to the loaded agent gives exactly the edited agent. */

export function testContext(): ApplyContext {
  let id = 900_000;
  let tick = 0;
  return {
    nextId: () => ++id,
    now: () => new Date(Date.UTC(2026, 0, 3, 0, 0, tick++)).toISOString(),
    createFile: (_agent, fileName, content) => ({
      file_url: `https://files.example.com/${fileName}`,
      file_type: 'application/octet-stream',
      file_size: Buffer.from(content, 'base64').length,
    }),
    servedViaUrl: (toolId, via) => `https://mock.example.com/${via.type}/${via.mock_index ?? toolId}`,
  };
}

/** The write-only values the server holds after a save (never visible in a response). */
function writeOnlyOf(stored: Record<string, unknown>): Record<string, unknown> {
  const provider = isPlainObject(stored.provider) ? stored.provider : {};
  const credentials = isPlainObject(provider.credentials) ? provider.credentials : {};
  const config = isPlainObject(credentials.config) ? credentials.config : {};
  const secrets = Object.fromEntries(Object.entries(config).filter(([k]) => CONFIG_FIELD_KINDS.get(k) === 'secret'));
  return {
    webhook_secret: stored.webhook_secret,
    predefined_metrics: stored.predefined_metrics,
    api_key: credentials.api_key,
    configure_from_provider: provider.configure_from_provider,
    secrets,
  };
}

/** What the user sees of an agent, with collections compared as sets. */
function visible(values: AgentFormValues): unknown {
  const w: AgentWrite = formValuesToWrite(values);
  delete w.webhook_secret;
  delete w.predefined_metrics;
  if (w.provider) {
    delete w.provider.configure_from_provider;
    if (w.provider.credentials) {
      delete w.provider.credentials.api_key;
      const config = w.provider.credentials.config ?? {};
      w.provider.credentials.config = Object.fromEntries(
        Object.entries(config).filter(([key]) => CONFIG_FIELD_KINDS.get(key) !== 'secret'),
      );
    }
  }
  const byName = (a: { name?: string }, b: { name?: string }) => String(a.name).localeCompare(String(b.name));
  return {
    ...w,
    knowledge_base_files: values.knowledge_base_files.map((f) => f.file_name).sort(),
    mock_tools: (w.mock_tools ?? []).map(({ id: _id, ...rest }) => rest).sort(byName),
    dynamic_variables: [...(w.dynamic_variables ?? [])].sort(byName),
  };
}

export interface LawResult {
  ok: boolean;
  reason?: string;
}

/** Checks the law for one body. `stored` is the server's record of `loaded`. */
export function checkLaw(stored: StoredAgent, loaded: ApiAgent, values: AgentFormValues, body: AgentWrite): LawResult {
  let applied: StoredAgent;
  try {
    applied = applyAgentPatch(structuredClone(stored), structuredClone(body) as Record<string, unknown>, testContext());
  } catch (e) {
    if (e instanceof PatchRejected) return { ok: false, reason: `rejected: ${JSON.stringify(e.body)}` };
    throw e;
  }
  const reloaded = agentToFormValues(parseApiAgent(storedAgentToResponse(applied)));
  if (!deepEqual(visible(reloaded), visible(values))) return { ok: false, reason: 'visible values differ' };

  // Kept items keep their identity.
  const appliedFileIds = new Set(reloaded.knowledge_base_files.map((f) => f.id));
  const loadedFileIds = new Set((loaded.knowledge_base_files ?? []).map((f) => f.id));
  for (const f of values.knowledge_base_files) if (f.id !== undefined && !appliedFileIds.has(f.id)) return { ok: false, reason: `file ${f.id} lost` };
  for (const f of reloaded.knowledge_base_files) {
    const isNew = f.id === undefined || !loadedFileIds.has(f.id);
    const expected = values.knowledge_base_files.find((v) => v.file_name === f.file_name);
    if (isNew !== (expected?.id === undefined)) return { ok: false, reason: `file ${f.file_name} identity` };
  }
  for (const t of values.mock_tools) {
    if (t.id !== undefined && !reloaded.mock_tools.some((r) => r.id === t.id && r.name === t.name.trim())) return { ok: false, reason: `tool ${t.id} lost` };
  }

  const expectedWriteOnly = writeOnlyOf(stored);
  const entered = formValuesToWrite(values);
  if (entered.webhook_secret !== undefined) expectedWriteOnly.webhook_secret = entered.webhook_secret;
  if (entered.predefined_metrics !== undefined) expectedWriteOnly.predefined_metrics = entered.predefined_metrics;
  if (entered.provider?.credentials?.api_key !== undefined) expectedWriteOnly.api_key = entered.provider.credentials.api_key;
  if (entered.provider?.configure_from_provider !== undefined) expectedWriteOnly.configure_from_provider = true;
  const enteredSecrets = Object.entries(entered.provider?.credentials?.config ?? {}).filter(([k]) => CONFIG_FIELD_KINDS.get(k) === 'secret');
  expectedWriteOnly.secrets = { ...(expectedWriteOnly.secrets as object), ...Object.fromEntries(enteredSecrets) };
  if (!deepEqual(writeOnlyOf(applied), expectedWriteOnly)) return { ok: false, reason: 'write-only values differ' };
  return { ok: true };
}

const ANY_VALUES = new Set(['sip_auth', 'websocket_auth', 'predefined_metrics']);
const COLLECTIONS = new Set(['mock_tools', 'dynamic_variables', 'knowledge_base_files']);

/**
 * Every body obtained by dropping one key: a leaf of a merged object, a whole merged object,
 * a collection, one item of a collection, or one changed key of a kept mock tool. Keys inside
 * "any" values and inside new items (sent whole) are not droppable leaves.
 */
export function* bodiesWithOneKeyDropped(body: Record<string, unknown>, path = ''): Generator<{ path: string; body: Record<string, unknown> }> {
  for (const [key, value] of Object.entries(body)) {
    const here = path === '' ? key : `${path}.${key}`;
    const { [key]: _dropped, ...rest } = body;
    yield { path: here, body: rest };
    if (isPlainObject(value) && !ANY_VALUES.has(key)) {
      for (const inner of bodiesWithOneKeyDropped(value, here)) yield { path: inner.path, body: { ...body, [key]: inner.body } };
    }
    if (Array.isArray(value) && COLLECTIONS.has(key)) {
      for (let i = 0; i < value.length; i++) {
        yield { path: `${here}.${i}`, body: { ...body, [key]: value.filter((_, j) => j !== i) } };
        const item: unknown = value[i];
        if (key === 'mock_tools' && isPlainObject(item) && typeof item.id === 'number') {
          for (const itemKey of Object.keys(item)) {
            if (itemKey === 'id') continue;
            const itemRest = Object.fromEntries(Object.entries(item).filter(([k]) => k !== itemKey));
            yield { path: `${here}.${i}.${itemKey}`, body: { ...body, [key]: value.map((x: unknown, j) => (j === i ? itemRest : x)) } };
          }
        }
      }
    }
  }
}
