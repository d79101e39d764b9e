import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../testing/fixtures';
import { buildAgentPatch } from '../build-agent-patch';
import { mockToolCopies, planCopy, replaceMockTool, replaceVariable, variableCopies } from '../copy-items';
import type { ClashChoice } from '../copy-items';
import { agentToFormValues } from '../mapping';

/** The agent the form edits: one tool named like the other agent's `refund`, one of its own. */
const target = sampleAgent({
  id: 50,
  mock_tools: [
    { id: 91, name: 'refund', description: 'Old refund', mock_data: [], served_via: { type: 'direct', url: 'https://mock.example.com/91' } },
    { id: 92, name: 'escalate', description: 'Escalates', mock_data: [], served_via: { type: 'direct', url: 'https://mock.example.com/92' } },
  ],
  dynamic_variables: [{ id: 1, name: 'plan', description: 'Old plan' }],
});
/** The agent copied from (tools 11 lookup_order and 12 refund; variables customer_name and plan). */
const source = sampleAgent();

describe('mockToolCopies', () => {
  it('copies every tool without its id or anything the server assigned', () => {
    expect(mockToolCopies(source)).toEqual([
      { name: 'lookup_order', description: 'Finds an order', mock_data: JSON.stringify([{ input: { id: '1' }, output: { status: 'shipped' } }], null, 2), freetext_params: [], served_via: 'direct', mock_index: null },
      { name: 'refund', description: 'Issues a refund', mock_data: '[]', freetext_params: [], served_via: 'mcp', mock_index: 1 },
    ]);
  });
});

describe('planCopy', () => {
  const copies = mockToolCopies(source);
  const form = agentToFormValues(target);

  it('appends new names, skips a clash unless told to replace it', () => {
    const plan = planCopy(form.mock_tools, copies, new Map(), replaceMockTool);
    expect(plan.append.map((t) => t.name)).toEqual(['lookup_order']);
    expect(plan.replace).toEqual([]);
    expect(plan.skipped).toEqual(['refund']);
  });

  it('replaces a clash in place, keeping the existing tool’s id', () => {
    const plan = planCopy(form.mock_tools, copies, new Map<string, ClashChoice>([['refund', 'replace']]), replaceMockTool);
    expect(plan.replace).toEqual([{ index: 0, value: { ...copies[1], id: 91 } }]);
    expect(plan.skipped).toEqual([]);
  });

  it('matches names trimmed', () => {
    const plan = planCopy([{ name: ' plan ', description: 'x' }], [{ name: 'plan', description: 'y' }], new Map(), replaceVariable);
    expect(plan.skipped).toEqual(['plan']);
  });

  it('the PATCH keeps every tool as {id}, sends the copy whole and the replaced tool as {id} plus what changed', () => {
    const plan = planCopy(form.mock_tools, copies, new Map<string, ClashChoice>([['refund', 'replace']]), replaceMockTool);
    const tools = [...form.mock_tools];
    for (const { index, value } of plan.replace) tools[index] = value;
    tools.push(...plan.append);
    expect(buildAgentPatch(target, { ...form, mock_tools: tools })).toEqual({
      mock_tools: [
        { id: 91, description: 'Issues a refund', served_via: { type: 'mcp', mock_index: 1 } },
        { id: 92 },
        {
          name: 'lookup_order',
          description: 'Finds an order',
          mock_data: [{ input: { id: '1' }, output: { status: 'shipped' } }],
          freetext_params: [],
          served_via: { type: 'direct' },
        },
      ],
    });
  });

  it('variables: a replaced one takes the copy’s description, a new one is added; every variable is sent', () => {
    const plan = planCopy(form.dynamic_variables, variableCopies(source), new Map<string, ClashChoice>([['plan', 'replace']]), replaceVariable);
    const variables = [...form.dynamic_variables];
    for (const { index, value } of plan.replace) variables[index] = value;
    variables.push(...plan.append);
    expect(buildAgentPatch(target, { ...form, dynamic_variables: variables })).toEqual({
      dynamic_variables: [
        { name: 'plan', description: 'Subscription plan' },
        { name: 'customer_name', description: 'Full name' },
      ],
    });
  });
});
