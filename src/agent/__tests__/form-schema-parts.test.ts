import { describe, expect, it } from 'vitest';
import { agentFormSchemaFor, agentFormSchemaForParts } from '../form-schema';
import type { AgentFormKey, AgentFormValues } from '../form-schema';
import { agentToFormValues } from '../mapping';
import { sampleAgent } from '../../testing/fixtures';

// The server holds a variable this dashboard's rules refuse (a space in its name, no description).
const agent = sampleAgent({ dynamic_variables: [{ name: 'bad name', description: '' }, { name: 'plan', description: 'Plan' }] });

const issuesOf = (keys: AgentFormKey[], values: AgentFormValues) => {
  const result = agentFormSchemaForParts(agent, new Set(keys)).safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('agentFormSchemaForParts(loaded, keys): what a save checks', () => {
  it('checks only the parts given: an untouched part the server holds never blocks the save of another', () => {
    const values = { ...agentToFormValues(agent), description: 'New words' };
    expect(agentFormSchemaFor(agent).safeParse(values).success).toBe(false); // the whole form: blocked
    expect(issuesOf(['description'], values)).toEqual([]);
    const fieldsOf = (issues: string[]) => issues.map((issue) => issue.split(':')[0]);
    expect(fieldsOf(issuesOf(['description', 'dynamic_variables'], values))).toEqual(['dynamic_variables.0.name', 'dynamic_variables.0.description']);
  });

  it('gives the parts not checked back as the form holds them, and the checked ones as checked (trimmed)', () => {
    const values = { ...agentToFormValues(agent), name: '  Renamed  ' };
    const result = agentFormSchemaForParts(agent, new Set<AgentFormKey>(['name'])).safeParse(values);
    expect(result.success).toBe(true);
    expect(result.data?.name).toBe('Renamed');
    expect(result.data?.dynamic_variables).toBe(values.dynamic_variables);
    expect(result.data?.telephony).toBe(values.telephony);
  });

  it('runs a rule across parts when one of its parts is checked', () => {
    const unnamed = { ...agentToFormValues(agent), name: '   ' };
    expect(issuesOf(['name'], unnamed)).toEqual(['name: Name is required']);
    // The name as the form holds it, checked through the provider part it depends on.
    expect(issuesOf(['provider'], unnamed)).toEqual(['name: Name is required']);
    expect(issuesOf(['description'], unnamed)).toEqual([]);

    const twice = agentToFormValues(agent);
    twice.dynamic_variables = [
      { name: 'plan', description: 'A' },
      { name: 'plan', description: 'B' },
    ];
    expect(issuesOf(['dynamic_variables'], twice)).toEqual(['dynamic_variables.1.name: Another variable has this name']);
  });
});
