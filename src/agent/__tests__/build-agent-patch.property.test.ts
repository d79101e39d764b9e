import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbApiAgent, arbEdit, arbNoOpEdit } from '../../testing/agent-arbitraries';
import { loadPatchValidator, openApiAvailable, OPENAPI_PATH } from '../../testing/openapi-validator';
import type { ApiAgent } from '../api-schema';
import type { StoredAgent } from '../apply-agent-patch';
import { buildAgentPatch } from '../build-agent-patch';
import { agentFormSchema } from '../form-schema';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues } from '../mapping';
import { bodiesWithOneKeyDropped, checkLaw } from './patch-law';

// CI runs at least 1,000 cases per property; locally FC_RUNS can raise or lower it.
const numRuns = Number(process.env.FC_RUNS ?? 1000);

const arbEditedAgent = arbApiAgent.chain((agent) =>
  fc.array(arbEdit, { minLength: 1, maxLength: 6 }).map((edits) => {
    const values = agentToFormValues(agent);
    for (const edit of edits) edit(values);
    return { agent, values };
  }),
);

function stored(agent: ApiAgent): StoredAgent {
  return structuredClone(agent);
}

function expectValid(values: AgentFormValues) {
  const parsed = agentFormSchema.safeParse(values);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

describe('buildAgentPatch (property-based)', () => {
  it('(a) applying the patch to the loaded agent gives the edited agent', () => {
    fc.assert(
      fc.property(arbEditedAgent, ({ agent, values }) => {
        expectValid(values);
        const body = buildAgentPatch(agent, values);
        const law = checkLaw(stored(agent), agent, values, body);
        expect(law, JSON.stringify(body)).toEqual({ ok: true });
      }),
      { numRuns },
    );
  });

  it('(b) dropping any key from the patch breaks (a)', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbEditedAgent, ({ agent, values }) => {
        const body = buildAgentPatch(agent, values);
        for (const dropped of bodiesWithOneKeyDropped(body as Record<string, unknown>)) {
          checked++;
          const law = checkLaw(stored(agent), agent, values, dropped.body);
          expect(law.ok, `dropping ${dropped.path} from ${JSON.stringify(body)} still satisfies the law`).toBe(false);
        }
      }),
      { numRuns },
    );
    expect(checked).toBeGreaterThan(numRuns);
  });

  it('(c) an untouched form, or one typed back to its values, gives {}', () => {
    fc.assert(
      fc.property(arbApiAgent, fc.array(arbNoOpEdit, { maxLength: 4 }), (agent, edits) => {
        const values = agentToFormValues(agent);
        expect(buildAgentPatch(agent, values)).toEqual({});
        for (const edit of edits) edit(values);
        expect(buildAgentPatch(agent, values)).toEqual({});
      }),
      { numRuns },
    );
  });

  it('(c) an edit followed by its undo gives {}', () => {
    fc.assert(
      fc.property(arbEditedAgent, ({ agent, values }) => {
        const undone = agentToFormValues(agent);
        expect(buildAgentPatch(agent, undone)).toEqual({});
        // And the edited values themselves, re-derived from a copy, are stable.
        expect(buildAgentPatch(agent, structuredClone(values))).toEqual(buildAgentPatch(agent, values));
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });

  it('(d) every patch validates against PatchedSchemaPostAIAgentV2', (ctx) => {
    // The reference lives beside the repo (../shared/reference), not in it: say why (d) did not run.
    if (!openApiAvailable) ctx.skip(`Cekura's OpenAPI document is not at ${OPENAPI_PATH}`);
    const validate = loadPatchValidator();
    fc.assert(
      fc.property(arbEditedAgent, ({ agent, values }) => {
        const body = buildAgentPatch(agent, values);
        const valid = validate(body);
        expect(valid, `${JSON.stringify(validate.errors)} for ${JSON.stringify(body)}`).toBe(true);
      }),
      { numRuns },
    );
  });
});
