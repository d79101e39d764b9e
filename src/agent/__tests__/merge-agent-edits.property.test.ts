import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbApiAgent, arbEdit } from '../../testing/agent-arbitraries';
import type { ApiAgent } from '../api-schema';
import { parseApiAgent } from '../api-schema';
import { applyAgentPatch, storedAgentToResponse } from '../apply-agent-patch';
import type { ApplyContext } from '../apply-agent-patch';
import { buildAgentPatch } from '../build-agent-patch';
import { deepEqual, isPlainObject } from '../deep-equal';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues, formValuesToWrite } from '../mapping';
import { mergeAgentEdits, resolveConflicts } from '../merge-agent-edits';
import { AGENT_PATCH_STRATEGY } from '../patch-strategy';
import type { MergeStrategy } from '../patch-strategy';
import { checkLaw, testContext } from './patch-law';

const numRuns = Number(process.env.FC_RUNS ?? 1000);
// 1,000 cases take seconds, more on a loaded machine: wait for them rather than time out.
const PROPERTY_TIMEOUT_MS = 120_000;

/** The colleague's server context: its new ids do not collide with the ones `checkLaw` hands out later. */
function colleagueContext(): ApplyContext {
  let id = 800_000;
  return { ...testContext(), nextId: () => ++id };
}

function save(agent: ApiAgent, values: AgentFormValues, ctx: ApplyContext = testContext()): ApiAgent {
  const body = buildAgentPatch(agent, values) as Record<string, unknown>;
  return parseApiAgent(storedAgentToResponse(applyAgentPatch(structuredClone(agent), body, ctx)));
}

function edited(agent: ApiAgent, edits: ((v: AgentFormValues) => void)[]): AgentFormValues {
  const values = agentToFormValues(agent);
  for (const edit of edits) edit(values);
  return values;
}

const arbEdits = fc.array(arbEdit, { minLength: 1, maxLength: 4 });

/** The loaded agent, my edits, and the agent after a colleague saved other edits. */
const arbScenario = arbApiAgent.chain((base) =>
  fc.tuple(arbEdits, arbEdits).map(([mineEdits, theirEdits]) => ({
    base,
    mine: edited(base, mineEdits),
    theirs: save(base, edited(base, theirEdits), colleagueContext()),
  })),
);

/**
 * What the user sees of an agent as a flat map, compared by value as the PATCH builder compares
 * (write-only fields left out). Items of the three collections are keyed by identity: by id when
 * the loaded agent had them, by name otherwise (new ones have no id yet, or another one).
 */
function view(values: AgentFormValues, base: ApiAgent): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const baseToolIds = new Set((base.mock_tools ?? []).map((t) => t.id));
  const baseFileIds = new Set((base.knowledge_base_files ?? []).map((f) => f.id));
  const walk = (strategy: MergeStrategy, value: unknown, path: string) => {
    const record = isPlainObject(value) ? value : {};
    for (const [key, v] of Object.entries(record)) {
      const s = strategy.fields[key] ?? strategy.rest;
      const here = path === '' ? key : `${path}.${key}`;
      if (s?.kind === 'merge') walk(s, v, here);
      else if (s?.kind === 'replace' && v !== undefined) out.set(here, v);
    }
  };
  const write = formValuesToWrite(values);
  walk(AGENT_PATCH_STRATEGY, { ...write, knowledge_base_files: undefined, mock_tools: undefined, dynamic_variables: undefined }, '');
  for (const f of values.knowledge_base_files) {
    out.set(f.id !== undefined && baseFileIds.has(f.id) ? `knowledge_base_files[id=${f.id}]` : `knowledge_base_files[name=${f.file_name}]`, true);
  }
  for (const t of write.mock_tools ?? []) {
    const key = t.id !== undefined && baseToolIds.has(t.id) ? `mock_tools[id=${t.id}]` : `mock_tools[name=${t.name ?? ''}]`;
    for (const [k, v] of Object.entries(t)) if (k !== 'id') out.set(`${key}.${k}`, v);
    // A name can be taken only once: new and renamed tools touch it.
    out.set(`mock_tools#name=${t.name ?? ''}`, true);
  }
  for (const v of write.dynamic_variables ?? []) out.set(`dynamic_variables[name=${v.name}].description`, v.description);
  return out;
}

/** The keys of the view that `values` changed compared with the loaded agent. */
function touched(base: ApiAgent, values: AgentFormValues): Set<string> {
  const before = view(agentToFormValues(base), base);
  const after = view(values, base);
  return new Set([...new Set([...before.keys(), ...after.keys()])].filter((k) => !deepEqual(before.get(k), after.get(k))));
}

const within = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`);

/** A conflict's path in the view's terms (the form flattens the provider's credentials and chat details). */
function viewKeyOf(path: string): string {
  return path
    .replace(/^provider\.config\./, 'provider.credentials.config.')
    .replace(/^provider\.chat_type$/, 'provider.chat_agent_details.type')
    .replace(/^provider\.chat_agent_id$/, 'provider.chat_agent_details.config.agent_id');
}

describe('mergeAgentEdits (property-based)', () => {
  it('merge(b, m, b) = m, without conflicts', () => {
    fc.assert(
      fc.property(arbApiAgent, arbEdits, (base, edits) => {
        const mine = edited(base, edits);
        const result = mergeAgentEdits(base, mine, base);
        expect(result.conflicts).toEqual([]);
        expect(result.values).toEqual(mine);
        expect(result.baseline).toBe(base);
      }),
      { numRuns },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('merge(b, b, t) = t, without conflicts', () => {
    fc.assert(
      fc.property(arbApiAgent, arbEdits, (base, edits) => {
        const theirs = save(base, edited(base, edits), colleagueContext());
        const result = mergeAgentEdits(base, agentToFormValues(base), theirs);
        expect(result.conflicts).toEqual([]);
        // The form now holds theirs: saving it sends nothing.
        expect(buildAgentPatch(theirs, result.values)).toEqual({});
        expect(view(result.values, base)).toEqual(view(agentToFormValues(theirs), base));
      }),
      { numRuns },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('edits of different fields or items never conflict, and saving the merge keeps both', () => {
    let disjoint = 0;
    fc.assert(
      fc.property(arbScenario, ({ base, mine, theirs }) => {
        const mineTouched = touched(base, mine);
        const theirsTouched = touched(base, agentToFormValues(theirs));
        const overlap = [...mineTouched].some((a) => [...theirsTouched].some((b) => within(a, b) || within(b, a)));
        fc.pre(!overlap);
        disjoint++;
        const result = mergeAgentEdits(base, mine, theirs);
        expect(result.conflicts).toEqual([]);

        const body = buildAgentPatch(theirs, result.values);
        expect(checkLaw(structuredClone(theirs), theirs, result.values, body), JSON.stringify(body)).toEqual({ ok: true });
        const saved = save(theirs, result.values);
        // Both sides' changes, and the loaded values where neither changed anything.
        const expected = view(agentToFormValues(base), base);
        const mineView = view(mine, base);
        const theirsView = view(agentToFormValues(theirs), base);
        for (const [keys, side] of [[mineTouched, mineView], [theirsTouched, theirsView]] as const) {
          for (const key of keys) {
            if (side.has(key)) expected.set(key, side.get(key));
            else expected.delete(key);
          }
        }
        expect(view(agentToFormValues(saved), base)).toEqual(expected);
      }),
      { numRuns },
    );
    expect(disjoint).toBeGreaterThanOrEqual(numRuns);
  }, PROPERTY_TIMEOUT_MS);

  it('every conflict is on something both sides changed, differently', () => {
    let conflicts = 0;
    fc.assert(
      fc.property(arbScenario, ({ base, mine, theirs }) => {
        const result = mergeAgentEdits(base, mine, theirs);
        const mineTouched = [...touched(base, mine)];
        const theirsTouched = [...touched(base, agentToFormValues(theirs))];
        const mineView = view(mine, base);
        const theirsView = view(agentToFormValues(theirs), base);
        expect(new Set(result.conflicts.map((c) => c.path)).size).toBe(result.conflicts.length);
        for (const conflict of result.conflicts) {
          conflicts++;
          const key = viewKeyOf(conflict.path);
          expect(mineTouched.some((k) => within(k, key)), `${conflict.path} not changed by me`).toBe(true);
          expect(theirsTouched.some((k) => within(k, key)), `${conflict.path} not changed by them`).toBe(true);
          if (conflict.take.kind === 'field') expect(deepEqual(mineView.get(key), theirsView.get(key)), `${conflict.path} is the same on both sides`).toBe(false);
          expect(deepEqual(conflict.mine, conflict.theirs)).toBe(false);
          expect(deepEqual(conflict.base, conflict.mine) || deepEqual(conflict.base, conflict.theirs)).toBe(false);
        }
        // Taking theirs everywhere, then saving, sends nothing where the conflicts were.
        const all = Object.fromEntries(result.conflicts.map((c) => [c.path, 'theirs' as const]));
        const taken = resolveConflicts(result, all);
        const takenView = view(taken, base);
        for (const conflict of result.conflicts) {
          const key = viewKeyOf(conflict.path);
          for (const k of new Set([...takenView.keys(), ...theirsView.keys()])) {
            if (within(k, key)) expect(takenView.get(k), `${k} after taking theirs`).toEqual(theirsView.get(k));
          }
        }
      }),
      { numRuns },
    );
    expect(conflicts).toBeGreaterThan(0);
  }, PROPERTY_TIMEOUT_MS);
});
