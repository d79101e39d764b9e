import { describe, expect, it } from 'vitest';
import { apiAgentListSchema, parseApiAgent } from '../api-schema';
import { agentToFormValues } from '../mapping';

describe('parseApiAgent (lenient)', () => {
  it('opens an agent with nulls, unknown keys and odd values', () => {
    const agent = parseApiAgent({
      id: 5,
      name: null,
      description: null,
      language: 'xx',
      telephony: null,
      provider: { type: 'brand_new_provider', credentials: null, redact_fields: 'oops' },
      mock_tools: [{ id: 1, name: 'ok', served_via: null }, { broken: true }],
      dynamic_variables: null,
      future_field: { nested: [1, 2] },
    });
    expect(agent.future_field).toEqual({ nested: [1, 2] });
    expect(agent.mock_tools).toHaveLength(1);
    const values = agentToFormValues(agent);
    expect(values.name).toBe('');
    expect(values.language).toBe('en');
    expect(values.provider.type).toBe('');
    expect(values.provider.redact_fields).toEqual([]);
  });

  it('keeps every item of a list that parses whole, and only the readable ones, in order, of one that does not', () => {
    const variables = [
      { id: 1, name: 'first', description: 'a' },
      { id: 2, name: 'second', description: null },
      { id: 3, name: 'third', description: 'c' },
    ];
    expect(parseApiAgent({ id: 5, dynamic_variables: variables }).dynamic_variables?.map((v) => v.name)).toEqual(['first', 'second', 'third']);
    const broken = [variables[0], { id: 9, name: 42 }, variables[2]];
    expect(parseApiAgent({ id: 5, dynamic_variables: broken }).dynamic_variables?.map((v) => v.name)).toEqual(['first', 'third']);
  });

  it('still rejects something that is not an agent', () => {
    expect(() => parseApiAgent({ name: 'no id' })).toThrow();
    expect(() => parseApiAgent('nope')).toThrow();
  });

  it('parses a page of agents, dropping items it cannot read', () => {
    const page = apiAgentListSchema.parse({ count: 2, next: null, previous: null, results: [{ id: 1 }, { id: 'x' }] });
    expect(page.results.map((a) => a.id)).toEqual([1]);
  });
});
