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

  it('still rejects something that is not an agent', () => {
    expect(() => parseApiAgent({ name: 'no id' })).toThrow();
    expect(() => parseApiAgent('nope')).toThrow();
  });

  it('parses a page of agents, dropping items it cannot read', () => {
    const page = apiAgentListSchema.parse({ count: 2, next: null, previous: null, results: [{ id: 1 }, { id: 'x' }] });
    expect(page.results.map((a) => a.id)).toEqual([1]);
  });
});
