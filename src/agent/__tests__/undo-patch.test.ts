import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbApiAgent, arbEdit } from '../../testing/agent-arbitraries';
import { sampleAgent } from '../../testing/fixtures';
import type { ApiAgent } from '../api-schema';
import { parseApiAgent } from '../api-schema';
import { applyAgentPatch, storedAgentToResponse } from '../apply-agent-patch';
import { buildAgentPatch } from '../build-agent-patch';
import { isPlainObject } from '../deep-equal';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues, formValuesToWrite } from '../mapping';
import { AGENT_PATCH_STRATEGY } from '../patch-strategy';
import type { MergeStrategy } from '../patch-strategy';
import { buildUndoPatch } from '../undo-patch';
import type { AgentWrite } from '../write-types';
import { checkLaw, testContext } from './patch-law';

const numRuns = Number(process.env.FC_RUNS ?? 1000);
// 1,000 cases take seconds, more on a loaded machine: wait for them rather than time out.
const PROPERTY_TIMEOUT_MS = 120_000;

function apply(agent: ApiAgent, body: AgentWrite, firstId = 900_000): ApiAgent {
  let id = firstId;
  const ctx = { ...testContext(), nextId: () => ++id };
  return parseApiAgent(storedAgentToResponse(applyAgentPatch(structuredClone(agent), structuredClone(body) as Record<string, unknown>, ctx)));
}

/** A save of `values` over `before`: its body and the agent after it. */
function saved(before: ApiAgent, values: AgentFormValues) {
  const body = buildAgentPatch(before, values);
  return { body, after: apply(before, body, 700_000) };
}

/** The leaf paths of a body (merged objects opened, everything else whole). */
function bodyPaths(body: unknown, strategy: MergeStrategy = AGENT_PATCH_STRATEGY, path = ''): string[] {
  if (!isPlainObject(body)) return [];
  return Object.entries(body).flatMap(([key, value]) => {
    const child = strategy.fields[key] ?? strategy.rest;
    const here = path === '' ? key : `${path}.${key}`;
    return child?.kind === 'merge' && isPlainObject(value) ? bodyPaths(value, child, here) : [here];
  });
}

/** What undo can put back, compared by value: no write-only values, tools without ids. */
function comparable(values: AgentFormValues) {
  const { knowledge_base_files: _files, mock_tools, dynamic_variables, webhook_secret: _s, predefined_metrics: _m, provider, ...rest } = formValuesToWrite(values);
  const { credentials, configure_from_provider: _c, ...providerRest } = provider ?? {};
  const byName = (a: { name?: string }, b: { name?: string }) => String(a.name).localeCompare(String(b.name));
  return {
    ...rest,
    provider: { ...providerRest, config: credentials?.config },
    mock_tools: (mock_tools ?? []).map(({ id: _id, ...tool }) => tool).sort(byName),
    dynamic_variables: [...(dynamic_variables ?? [])].sort(byName),
  };
}

describe('buildUndoPatch', () => {
  it('sends back only what the save changed: a telephony number and the variables as a full set', () => {
    const before = sampleAgent();
    const values = agentToFormValues(before);
    values.telephony.phone_number = '+14155550101';
    values.dynamic_variables.push({ name: 'order_id', description: 'The order' });
    const { body, after } = saved(before, values);
    const plan = buildUndoPatch(before, after, body);
    expect(plan.patch).toEqual({
      telephony: { phone_number: '+14155551234' },
      dynamic_variables: [
        { name: 'customer_name', description: 'Full name' },
        { name: 'plan', description: 'Subscription plan' },
      ],
    });
    expect(plan.cannotUndo).toEqual([]);
    const undone = apply(after, plan.patch);
    expect(undone.telephony?.phone_number).toBe('+14155551234');
    expect(undone.dynamic_variables?.map((v) => v.name)).toEqual(['customer_name', 'plan']);
  });

  it('says that deleted file contents and typed secrets cannot come back', () => {
    const before = sampleAgent();
    const values = agentToFormValues(before);
    values.knowledge_base_files = values.knowledge_base_files.filter((f) => f.id !== 7);
    values.webhook_secret = 'new-secret';
    const { body, after } = saved(before, values);
    const plan = buildUndoPatch(before, after, body);
    expect(plan.patch).toEqual({});
    expect(plan.cannotUndo).toEqual([
      expect.stringContaining('“faq.md” was deleted'),
      expect.stringContaining('“Webhook secret” was set by the save'),
    ]);
  });

  it('brings a deleted tool back as a new tool, saying when it was shared', () => {
    const before = sampleAgent();
    const values = agentToFormValues(before);
    values.mock_tools = values.mock_tools.filter((t) => t.id !== 12);
    const { body, after } = saved(before, values);
    const plan = buildUndoPatch(before, after, body);
    expect(plan.patch.mock_tools).toEqual([{ id: 11 }, expect.objectContaining({ name: 'refund', description: 'Issues a refund' })]);
    expect(plan.patch.mock_tools?.[1]).not.toHaveProperty('id');
    expect(plan.cannotUndo).toEqual([expect.stringContaining('“refund” was shared')]);
    expect(apply(after, plan.patch).mock_tools?.map((t) => t.name)).toEqual(['lookup_order', 'refund']);
  });

  it('(property) undoing a save puts back what it changed and sends nothing else', () => {
    fc.assert(
      fc.property(arbApiAgent, fc.array(arbEdit, { minLength: 1, maxLength: 6 }), (before, edits) => {
        const values = agentToFormValues(before);
        for (const edit of edits) edit(values);
        const { body, after } = saved(before, values);
        const plan = buildUndoPatch(before, after, body);
        // The contract's apply step gives exactly the plan's values …
        expect(checkLaw(structuredClone(after), after, plan.values, plan.patch)).toEqual({ ok: true });
        const undone = apply(after, plan.patch);
        // … which are the agent before the save, but for what undo cannot do.
        expect(comparable(agentToFormValues(undone))).toEqual(comparable(agentToFormValues(before)));
        const afterIds = new Set((after.knowledge_base_files ?? []).map((f) => f.id));
        const lost = (before.knowledge_base_files ?? []).filter((f) => !afterIds.has(f.id));
        expect((undone.knowledge_base_files ?? []).map((f) => f.id).sort()).toEqual(
          (before.knowledge_base_files ?? []).filter((f) => afterIds.has(f.id)).map((f) => f.id).sort(),
        );
        for (const file of lost) expect(plan.cannotUndo.some((text) => text.includes(`“${file.file_name ?? ''}”`))).toBe(true);
        // Minimal: the undo touches nothing the save did not.
        const sent = bodyPaths(body);
        for (const path of bodyPaths(plan.patch)) expect(sent, `undo sends ${path}`).toContain(path);
      }),
      { numRuns },
    );
  }, PROPERTY_TIMEOUT_MS);
});
