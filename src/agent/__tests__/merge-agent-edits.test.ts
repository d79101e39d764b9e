import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../testing/fixtures';
import type { ApiAgent } from '../api-schema';
import { parseApiAgent } from '../api-schema';
import { applyAgentPatch, storedAgentToResponse } from '../apply-agent-patch';
import { buildAgentPatch } from '../build-agent-patch';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues } from '../mapping';
import { mergeAgentEdits, resolveConflicts } from '../merge-agent-edits';
import { testContext } from './patch-law';

const variables = [
  { id: 21, name: 'customer_name', description: 'Full name' },
  { id: 22, name: 'order_id', description: 'The order number' },
  { id: 23, name: 'plan', description: 'Subscription plan' },
];
const base = sampleAgent({ dynamic_variables: variables });

function mine(change: (v: AgentFormValues) => void): AgentFormValues {
  const values = agentToFormValues(base);
  change(values);
  return values;
}

/** The agent after someone else's save, as the server answers it. */
function savedByOthers(change: (v: AgentFormValues) => void): ApiAgent {
  const values = agentToFormValues(base);
  change(values);
  const stored = applyAgentPatch(structuredClone(base), buildAgentPatch(base, values) as Record<string, unknown>, testContext());
  return parseApiAgent(storedAgentToResponse(stored));
}

/** What the server holds after saving the merge against `theirs`. */
function saveMerged(theirs: ApiAgent, values: AgentFormValues): ApiAgent {
  const body = buildAgentPatch(theirs, values) as Record<string, unknown>;
  return parseApiAgent(storedAgentToResponse(applyAgentPatch(structuredClone(theirs), body, testContext())));
}

describe('mergeAgentEdits', () => {
  it('keeps Carl’s new variable when Anna removes another one (no conflict)', () => {
    const anna = mine((v) => {
      v.dynamic_variables = v.dynamic_variables.filter((x) => x.name !== 'order_id');
    });
    const carl = savedByOthers((v) => {
      v.dynamic_variables.push({ name: 'colleague_var', description: 'Added by Carl' });
    });
    const result = mergeAgentEdits(base, anna, carl);
    expect(result.conflicts).toEqual([]);
    expect(result.baseline).toBe(carl);
    expect(result.values.dynamic_variables.map((x) => x.name)).toEqual(['customer_name', 'plan', 'colleague_var']);
    const body = buildAgentPatch(carl, result.values);
    expect(body).toEqual({
      dynamic_variables: [
        { name: 'customer_name', description: 'Full name' },
        { name: 'plan', description: 'Subscription plan' },
        { name: 'colleague_var', description: 'Added by Carl' },
      ],
    });
    expect(saveMerged(carl, result.values).dynamic_variables?.map((x) => x.name)).toEqual(['colleague_var', 'customer_name', 'plan']);
  });

  it('takes their change of a field I did not touch, and keeps mine of another', () => {
    const result = mergeAgentEdits(
      base,
      mine((v) => { v.name = 'Mine'; }),
      savedByOthers((v) => { v.telephony.phone_number = '+14155559999'; v.provider.config.public_key = 'pk_theirs'; }),
    );
    expect(result.conflicts).toEqual([]);
    expect(result.values.name).toBe('Mine');
    expect(result.values.telephony.phone_number).toBe('+14155559999');
    expect(result.values.provider.config.public_key).toBe('pk_theirs');
  });

  it('reports a conflict when both changed the description differently', () => {
    const theirs = savedByOthers((v) => { v.description = 'Theirs'; });
    const result = mergeAgentEdits(base, mine((v) => { v.description = 'Mine'; }), theirs);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ path: 'description', formPath: 'description', label: 'Description', base: 'Answers billing questions.', mine: 'Mine', theirs: 'Theirs' }),
    ]);
    expect(result.values.description).toBe('Mine');
    expect(resolveConflicts(result, {}).description).toBe('Mine');
    expect(resolveConflicts(result, { description: 'mine' }).description).toBe('Mine');
    const taken = resolveConflicts(result, { description: 'theirs' });
    expect(taken.description).toBe('Theirs');
    expect(buildAgentPatch(theirs, taken)).toEqual({});
  });

  it('does not report a conflict when both made the same change', () => {
    const result = mergeAgentEdits(base, mine((v) => { v.description = 'Same'; }), savedByOthers((v) => { v.description = 'Same'; }));
    expect(result.conflicts).toEqual([]);
    expect(result.values.description).toBe('Same');
  });

  it('names a provider setting by its form path and labels it with labelOf', () => {
    const result = mergeAgentEdits(
      base,
      mine((v) => { v.provider.config.public_key = 'pk_mine'; }),
      savedByOthers((v) => { v.provider.config.public_key = 'pk_theirs'; }),
      { labelOf: (fieldPath) => `label of ${fieldPath}` },
    );
    expect(result.conflicts).toEqual([
      expect.objectContaining({ path: 'provider.config.public_key', label: 'label of provider.config.public_key', mine: 'pk_mine', theirs: 'pk_theirs' }),
    ]);
  });

  it('reports a conflict when they deleted a tool I edited; keeping mine brings it back as a new tool', () => {
    const theirs = savedByOthers((v) => { v.mock_tools = v.mock_tools.filter((t) => t.id !== 11); });
    const result = mergeAgentEdits(base, mine((v) => { if (v.mock_tools[0]) v.mock_tools[0].description = 'Finds any order'; }), theirs);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      path: 'mock_tools[id=11]',
      fieldPath: 'mock_tools.*',
      formPath: 'mock_tools.0',
      label: 'Mock tool “lookup_order”',
      base: { id: 11, description: 'Finds an order' },
      mine: { id: 11, description: 'Finds any order' },
      theirs: undefined,
    });
    expect(result.values.mock_tools.map((t) => [t.id, t.name])).toEqual([[undefined, 'lookup_order'], [12, 'refund']]);
    const kept = saveMerged(theirs, result.values);
    expect(kept.mock_tools?.find((t) => t.name === 'lookup_order')?.description).toBe('Finds any order');
    const dropped = resolveConflicts(result, { 'mock_tools[id=11]': 'theirs' });
    expect(dropped.mock_tools.map((t) => t.id)).toEqual([12]);
    expect(buildAgentPatch(theirs, dropped)).toEqual({});
  });

  it('reports a conflict when I deleted a tool they edited', () => {
    const theirs = savedByOthers((v) => { if (v.mock_tools[1]) v.mock_tools[1].description = 'Refunds twice'; });
    const result = mergeAgentEdits(base, mine((v) => { v.mock_tools.splice(1, 1); }), theirs);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ path: 'mock_tools[id=12]', mine: undefined, theirs: { id: 12, description: 'Refunds twice' } });
    expect(result.conflicts[0]?.formPath).toBeUndefined();
    expect(result.values.mock_tools.map((t) => t.id)).toEqual([11]);
    expect(resolveConflicts(result, { 'mock_tools[id=12]': 'theirs' }).mock_tools.map((t) => [t.id, t.description])).toEqual([
      [11, 'Finds an order'],
      [12, 'Refunds twice'],
    ]);
  });

  it('merges one tool edited by both key by key', () => {
    const theirs = savedByOthers((v) => { if (v.mock_tools[0]) v.mock_tools[0].description = 'Theirs'; });
    const result = mergeAgentEdits(base, mine((v) => { if (v.mock_tools[0]) v.mock_tools[0].mock_data = '[]'; }), theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.values.mock_tools[0]).toMatchObject({ id: 11, description: 'Theirs', mock_data: '[]' });
  });

  it('shows a served-via conflict with both of its inputs', () => {
    const result = mergeAgentEdits(
      base,
      mine((v) => { if (v.mock_tools[1]) v.mock_tools[1].mock_index = 2; }),
      savedByOthers((v) => { if (v.mock_tools[1]) v.mock_tools[1].mock_index = 3; }),
    );
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        path: 'mock_tools[id=12].served_via',
        formPath: 'mock_tools.1.served_via',
        base: { served_via: 'mcp', mock_index: 1 },
        mine: { served_via: 'mcp', mock_index: 2 },
        theirs: { served_via: 'mcp', mock_index: 3 },
      }),
    ]);
    expect(resolveConflicts(result, { 'mock_tools[id=12].served_via': 'theirs' }).mock_tools[1]?.mock_index).toBe(3);
  });

  it('reports a conflict when both added a variable x with different descriptions', () => {
    const theirs = savedByOthers((v) => { v.dynamic_variables.push({ name: 'x', description: 'Theirs' }); });
    const result = mergeAgentEdits(base, mine((v) => { v.dynamic_variables.push({ name: 'x', description: 'Mine' }); }), theirs);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ path: 'dynamic_variables[name=x].description', formPath: 'dynamic_variables.3.description', base: undefined, mine: 'Mine', theirs: 'Theirs' }),
    ]);
    expect(result.values.dynamic_variables.map((x) => x.name)).toEqual(['customer_name', 'order_id', 'plan', 'x']);
    expect(resolveConflicts(result, { 'dynamic_variables[name=x].description': 'theirs' }).dynamic_variables[3]).toEqual({ name: 'x', description: 'Theirs' });
  });

  it('reports two new tools with one name as a conflict, and takes theirs when both are the same', () => {
    const tool = { name: 'lookup_refund', description: 'Finds a refund', mock_data: '[]', freetext_params: [], served_via: 'direct' as const, mock_index: null };
    const theirs = savedByOthers((v) => { v.mock_tools.push({ ...tool, description: 'Theirs' }); });
    const result = mergeAgentEdits(base, mine((v) => { v.mock_tools.push(tool); }), theirs);
    expect(result.conflicts).toEqual([expect.objectContaining({ path: 'mock_tools[name=lookup_refund]', formPath: 'mock_tools.2', base: undefined })]);
    expect(result.values.mock_tools).toHaveLength(3);
    const taken = resolveConflicts(result, { 'mock_tools[name=lookup_refund]': 'theirs' });
    expect(taken.mock_tools[2]).toMatchObject({ name: 'lookup_refund', description: 'Theirs' });
    expect(taken.mock_tools[2]?.id).toEqual(expect.any(Number));

    const same = mergeAgentEdits(base, mine((v) => { v.mock_tools.push(tool); }), savedByOthers((v) => { v.mock_tools.push(tool); }));
    expect(same.conflicts).toEqual([]);
    expect(same.values.mock_tools[2]?.id).toEqual(expect.any(Number));
  });

  it('keeps the write-only values I typed', () => {
    const result = mergeAgentEdits(
      base,
      mine((v) => { v.webhook_secret = 'typed'; v.provider.api_key = 'sk_typed'; }),
      savedByOthers((v) => { v.webhook_secret = 'other'; v.name = 'Theirs'; }),
    );
    expect(result.conflicts).toEqual([]);
    expect(result.values).toMatchObject({ webhook_secret: 'typed', name: 'Theirs', provider: { api_key: 'sk_typed' } });
  });

  it('keeps files they added and drops the ones they or I removed', () => {
    const upload = { file_name: 'new.txt', file_size: 2, content_base64: 'aGk=' };
    const theirs = savedByOthers((v) => {
      v.knowledge_base_files = v.knowledge_base_files.filter((f) => f.id !== 7);
      v.knowledge_base_files.push({ file_name: 'theirs.md', file_size: 2, content_base64: 'aGk=' });
    });
    const result = mergeAgentEdits(base, mine((v) => { v.knowledge_base_files = v.knowledge_base_files.filter((f) => f.id !== 8); v.knowledge_base_files.push(upload); }), theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.values.knowledge_base_files.map((f) => f.file_name)).toEqual(['new.txt', 'theirs.md']);
  });
});
