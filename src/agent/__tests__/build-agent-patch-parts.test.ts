import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbApiAgent, arbEdit } from '../../testing/agent-arbitraries';
import { buildAgentPatch, buildAgentPatchPart, joinAgentPatchParts } from '../build-agent-patch';
import { agentToFormValues, formValuesToWrite, WRITTEN_FORM_KEYS } from '../mapping';
import type { WrittenFormKey } from '../mapping';

const numRuns = Number(process.env.FC_RUNS ?? 300);

describe('buildAgentPatchPart (the change feed diffs one top-level key at a time)', () => {
  it('the parts of every key, joined, are the whole PATCH, keys in the same order', () => {
    fc.assert(
      fc.property(arbApiAgent, fc.array(arbEdit, { maxLength: 6 }), (agent, edits) => {
        const values = agentToFormValues(agent);
        for (const edit of edits) edit(values);
        const parts = new Map<WrittenFormKey, unknown>(WRITTEN_FORM_KEYS.map((key) => [key, buildAgentPatchPart(agent, values, key)]));
        const whole = buildAgentPatch(agent, values);
        const joined = joinAgentPatchParts(parts);
        expect(joined).toEqual(whole);
        expect(Object.keys(joined)).toEqual(Object.keys(whole));
      }),
      { numRuns },
    );
  });

  it('a part of an untouched key is undefined, of a changed one its value', () => {
    fc.assert(
      fc.property(arbApiAgent, (agent) => {
        const values = { ...agentToFormValues(agent), name: `${agent.name ?? ''} renamed` };
        expect(buildAgentPatchPart(agent, values, 'name')).toBe(values.name.trim());
        expect(buildAgentPatchPart(agent, values, 'dynamic_variables')).toBeUndefined();
      }),
      { numRuns },
    );
  });

  it('formValuesToWrite keeps its key order: the PATCH lists keys as before', () => {
    fc.assert(
      fc.property(arbApiAgent, (agent) => {
        const keys = Object.keys(formValuesToWrite(agentToFormValues(agent)));
        expect(keys.slice(0, 13)).toEqual(['name', 'description', 'project', 'language', 'agent_speaks_first', 'email_id', 'mock_tools_enabled', 'webhook_url', 'telephony', 'provider', 'knowledge_base_files', 'mock_tools', 'dynamic_variables']);
      }),
      { numRuns: 20 },
    );
  });
});
