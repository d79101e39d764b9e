import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbApiAgent, arbHttpUrl, arbMockData } from '../../testing/agent-arbitraries';
import type { ApiAgent } from '../api-schema';
import { parseApiAgent } from '../api-schema';
import { applyAgentPatch, storedAgentToResponse } from '../apply-agent-patch';
import type { StoredAgent } from '../apply-agent-patch';
import { bulkEditProblems } from '../bulk-edit-problems';
import { BULK_FIELDS, bulkChanges, bulkFieldValue, buildBulkPatch } from '../bulk-patch';
import type { BulkEditSpec, BulkFieldValues, BulkMockTool, BulkRemoval, BulkVariable } from '../bulk-patch';
import { LANGUAGE_CODES, REDACT_FIELDS } from '../constants';
import { deepEqual } from '../deep-equal';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues } from '../mapping';
import { setIn } from '../merge-paths';
import { testContext } from './patch-law';

const numRuns = Number(process.env.FC_RUNS ?? 1000);
const PROPERTY_TIMEOUT_MS = 120_000;

const arbNullableBool = fc.constantFrom(true, false, null);
const arbFields: fc.Arbitrary<Partial<BulkFieldValues>> = fc.record(
  {
    project: fc.integer({ min: 1, max: 5 }),
    language: fc.constantFrom(...LANGUAGE_CODES),
    agent_speaks_first: fc.constantFrom('agent' as const, 'caller' as const, 'auto' as const),
    webhook_url: arbHttpUrl,
    webhook_secret: fc.string({ minLength: 1, maxLength: 12 }),
    mock_tools_enabled: fc.boolean(),
    'telephony.inbound': fc.boolean(),
    'provider.auto_dial_outbound': arbNullableBool,
    'provider.auto_import_calls': arbNullableBool,
    'provider.auto_sync_prompt': arbNullableBool,
    'provider.send_post_conversation_metadata': arbNullableBool,
    'provider.redact_fields': fc.subarray([...REDACT_FIELDS], { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

// Built once: a `stringMatching` arbitrary is costly to build, and `arbSpecFor` runs per case.
const arbNewVariableName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/);
const arbNewToolName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/);
const arbDescription = fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s !== '');

/** A bulk edit for `agent`: names often the agent's own (updates, removals), sometimes new ones. */
function arbSpecFor(agent: ApiAgent): fc.Arbitrary<BulkEditSpec> {
  const variables = agent.dynamic_variables ?? [];
  const tools = agent.mock_tools ?? [];
  const variableName = fc.oneof(arbNewVariableName, ...variables.map((v) => fc.constant(v.name)));
  const toolName = fc.oneof(arbNewToolName, ...tools.map((t) => fc.constant(t.name ?? '')));
  const variable: fc.Arbitrary<BulkVariable> = fc.record({
    name: variableName,
    description: fc.oneof(arbDescription, ...variables.map((v) => fc.constant(v.description ?? ''))),
  });
  const tool: fc.Arbitrary<BulkMockTool> = fc.record({
    name: toolName,
    description: fc.oneof(fc.string({ maxLength: 12 }), ...tools.map((t) => fc.constant(t.description ?? ''))),
    mock_data: fc.oneof(arbMockData, ...tools.map((t) => fc.constant(t.mock_data ?? []))).map((data) => JSON.stringify(data)),
  });
  const removal: fc.Arbitrary<BulkRemoval> = fc.oneof(
    variableName.map((name) => ({ kind: 'variable' as const, name })),
    toolName.map((name) => ({ kind: 'tool' as const, name })),
  );
  return fc
    .record({
      fields: arbFields,
      variables: fc.uniqueArray(variable, { maxLength: 3, selector: (v) => v.name }),
      tools: fc.uniqueArray(tool, { maxLength: 3, selector: (t) => t.name }),
      removals: fc.uniqueArray(removal, { maxLength: 3, selector: (r) => `${r.kind}:${r.name}` }),
    })
    .map((spec) => ({
      ...spec,
      // A name both upserted and removed is refused by the form (bulkEditProblems).
      removals: spec.removals.filter((r) => !(r.kind === 'variable' ? spec.variables : spec.tools).some((u) => u.name === r.name)),
    }));
}

const arbCase = arbApiAgent.chain((agent) => arbSpecFor(agent).map((spec) => ({ agent, spec })));

function apply(agent: ApiAgent, body: object): { stored: StoredAgent; agent: ApiAgent } {
  const stored = applyAgentPatch(structuredClone(agent), structuredClone(body) as Record<string, unknown>, testContext());
  return { stored, agent: parseApiAgent(storedAgentToResponse(stored)) };
}

/** The form values but for what a bulk edit may touch (the chosen fields and the two collections). */
function untouchedPart(values: AgentFormValues, spec: BulkEditSpec): AgentFormValues {
  const copy = structuredClone(values);
  for (const field of BULK_FIELDS) if (spec.fields[field] !== undefined) setIn(copy, field.split('.'), null);
  copy.dynamic_variables = [];
  copy.mock_tools = [];
  return copy;
}

/** The model: does the edit change anything on this agent? Written apart from the builder. */
function changesAnything(spec: BulkEditSpec, agent: ApiAgent): boolean {
  const values = agentToFormValues(agent);
  if (spec.fields.webhook_secret !== undefined) return true;
  for (const field of BULK_FIELDS) {
    const want = spec.fields[field];
    if (want !== undefined && field !== 'webhook_secret' && !deepEqual(bulkFieldValue(values, field), want)) return true;
  }
  const variables = agent.dynamic_variables ?? [];
  const tools = agent.mock_tools ?? [];
  if (spec.variables.some((v) => variables.find((x) => x.name === v.name)?.description !== v.description)) return true;
  for (const t of spec.tools) {
    const old = tools.find((x) => x.name === t.name);
    if (!old || (old.description ?? '') !== t.description || !deepEqual(old.mock_data ?? [], JSON.parse(t.mock_data))) return true;
  }
  return spec.removals.some((r) => (r.kind === 'variable' ? variables : tools).some((x) => x.name === r.name));
}

describe('buildBulkPatch (property-based)', () => {
  it('applied to the agent, changes exactly the chosen fields and items; null when nothing changes', () => {
    fc.assert(
      fc.property(arbCase, ({ agent, spec }) => {
        expect(bulkEditProblems(spec)).toEqual({});
        const patch = buildBulkPatch(spec, agent);
        expect(patch === null, JSON.stringify(patch)).toBe(!changesAnything(spec, agent));
        expect(bulkChanges(spec, agent).length === 0).toBe(patch === null);
        if (patch === null) return;
        const { stored, agent: after } = apply(agent, patch);
        const before = agentToFormValues(agent);
        const now = agentToFormValues(after);

        // The chosen fields hold the chosen values (the secret is write-only: the server has it).
        for (const field of BULK_FIELDS) {
          const want = spec.fields[field];
          if (want === undefined) continue;
          if (field === 'webhook_secret') expect(stored.webhook_secret).toBe(want);
          else expect(bulkFieldValue(now, field), field).toEqual(want);
        }
        if (spec.fields.webhook_secret === undefined) expect(stored.webhook_secret).toBe((agent as StoredAgent).webhook_secret);
        // Nothing else moved: every other field, and every file.
        expect(untouchedPart(now, spec)).toEqual(untouchedPart(before, spec));
        expect(after.knowledge_base_files).toEqual(agent.knowledge_base_files);

        // Variables: the agent's, less the removed, with the upserted ones set; kept ones keep their id.
        const expectedVariables = new Map((agent.dynamic_variables ?? []).map((v) => [v.name, v.description] as const));
        for (const r of spec.removals) if (r.kind === 'variable') expectedVariables.delete(r.name);
        for (const v of spec.variables) expectedVariables.set(v.name, v.description);
        expect(new Map((after.dynamic_variables ?? []).map((v) => [v.name, v.description] as const))).toEqual(expectedVariables);
        for (const v of after.dynamic_variables ?? []) {
          const old = (agent.dynamic_variables ?? []).find((x) => x.name === v.name);
          if (old) expect(v.id).toBe(old.id);
        }

        // Tools: each kept one unchanged (same id, same everything) unless upserted, where only
        // its description and mock data changed; removed ones gone; new ones added.
        const removedTools = new Set(spec.removals.filter((r) => r.kind === 'tool').map((r) => r.name));
        const upserts = new Map(spec.tools.map((t) => [t.name, t] as const));
        for (const old of agent.mock_tools ?? []) {
          const now = (after.mock_tools ?? []).find((t) => t.id === old.id);
          if (removedTools.has(old.name ?? '')) {
            expect(now).toBeUndefined();
            continue;
          }
          const upsert = upserts.get(old.name ?? '');
          expect(now).toEqual(upsert ? { ...old, description: upsert.description, mock_data: JSON.parse(upsert.mock_data) as unknown } : old);
        }
        const added = (after.mock_tools ?? []).filter((t) => !(agent.mock_tools ?? []).some((o) => o.id === t.id));
        expect(added.map((t) => t.name).sort()).toEqual(spec.tools.filter((t) => !(agent.mock_tools ?? []).some((o) => o.name === t.name)).map((t) => t.name).sort());

        // The body itself: only the roots the edit names; a kept tool it does not change is `{id}`.
        const roots = new Set<string>(BULK_FIELDS.filter((f) => spec.fields[f] !== undefined).map((f) => f.split('.')[0] ?? f));
        if (spec.variables.length > 0 || spec.removals.some((r) => r.kind === 'variable')) roots.add('dynamic_variables');
        if (spec.tools.length > 0 || spec.removals.some((r) => r.kind === 'tool')) roots.add('mock_tools');
        for (const key of Object.keys(patch)) expect(roots, key).toContain(key);
        for (const item of patch.mock_tools ?? []) {
          const old = (agent.mock_tools ?? []).find((t) => t.id === item.id);
          if (old && !upserts.has(old.name ?? '')) expect(item).toEqual({ id: old.id });
        }
      }),
      { numRuns },
    );
  }, PROPERTY_TIMEOUT_MS);
});
