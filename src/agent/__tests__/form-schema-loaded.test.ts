import { describe, expect, it } from 'vitest';
import { agentFormSchema, agentFormSchemaFor, mockToolProblems } from '../form-schema';
import type { AgentFormValues, MockToolFormValues } from '../form-schema';
import { agentToFormValues } from '../mapping';
import { sampleAgent } from '../../testing/fixtures';

function firstTool(values: AgentFormValues): MockToolFormValues {
  const [tool] = values.mock_tools;
  if (!tool) throw new Error('no tool');
  return tool;
}

const agent = sampleAgent({
  mock_tools: [
    { id: 31, name: null, description: '', mock_data: [], served_via: { type: 'direct' }, subscriber_count: 1, is_shared: false },
    { id: 32, name: 'dup', description: '', mock_data: [], served_via: { type: 'direct' }, subscriber_count: 1, is_shared: false },
    { id: 33, name: 'dup', description: '', mock_data: [], served_via: { type: 'direct' }, subscriber_count: 1, is_shared: false },
  ],
});

describe('agentFormSchemaFor(loaded)', () => {
  it('passes mock tools exactly as loaded, however they break the rules', () => {
    const values = agentToFormValues(agent);
    expect(agentFormSchemaFor(agent).safeParse(values).success).toBe(true);
    // Without the agent as loaded every tool is checked, as before.
    expect(agentFormSchema.safeParse(values).success).toBe(false);
  });

  it('checks an edited tool in full, and a name it duplicates', () => {
    const values = agentToFormValues(agent);
    values.mock_tools[0] = { ...firstTool(values), description: 'edited' };
    const result = agentFormSchemaFor(agent).safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['mock_tools.0.name']);

    const renamed = agentToFormValues(agent);
    renamed.mock_tools[0] = { ...firstTool(renamed), name: 'dup' };
    const dup = agentFormSchemaFor(agent).safeParse(renamed);
    expect(dup.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['mock_tools.0.name: Another mock tool has this name']);
  });

  it('names what is wrong with a tool', () => {
    const tool = firstTool(agentToFormValues(agent));
    expect(Object.keys(mockToolProblems(tool))).toEqual(['name']);
    expect(mockToolProblems({ ...tool, name: 'ok', mock_data: '{"x": 1}' })).toEqual({ mock_data: 'Mock data is a JSON list of {"input": …, "output": …} pairs' });
  });
});
