import { describe, expect, it } from 'vitest';
import type { ApiAgentSummary } from '../../agent/api-schema';
import type { PaletteCommand } from '../../ui/command-registry';
import { agentIdOfQuery, matchesQuery, paletteSections } from '../command-palette-items';

const opened: number[] = [];
const command = (label: string, group: PaletteCommand['group'], enabled = true): PaletteCommand => ({
  id: `${group}.${label}`,
  label,
  group,
  enabled,
  run: () => undefined,
});
const commands = [
  command('Save changes', 'Actions'),
  command('Review changes', 'Actions'),
  command('Discard changes', 'Actions', false),
  command('Sign out', 'Actions'),
  command('General', 'Tabs'),
  command('Telephony', 'Tabs'),
  command('Knowledge base', 'Tabs'),
];
const agent = (id: number, name: string | null): ApiAgentSummary => ({ id, name, updated_at: '2026-01-01T00:00:00Z' });
const sections = (query: string, agents: ApiAgentSummary[] = []) =>
  paletteSections({ query, commands, agents, openAgent: (id) => opened.push(id) }).map((s) => [s.group, s.items.map((i) => i.label)]);

describe('the command palette', () => {
  it('matches every word of the query in the label, ignoring case', () => {
    expect(matchesQuery('Save changes', 'save')).toBe(true);
    expect(matchesQuery('Save changes', 'CHANGES sa')).toBe(true);
    expect(matchesQuery('Save changes', 'discard')).toBe(false);
    expect(matchesQuery('Telephony', '')).toBe(true);
  });

  it('reads an agent id from a number, with or without #', () => {
    expect(agentIdOfQuery(' 42 ')).toBe(42);
    expect(agentIdOfQuery('#7')).toBe(7);
    expect(agentIdOfQuery('0')).toBeNull();
    expect(agentIdOfQuery('4 2')).toBeNull();
    expect(agentIdOfQuery('acme')).toBeNull();
  });

  it('lists the actions that apply and the tabs with no query, never a disabled command', () => {
    expect(sections('')).toEqual([
      ['Actions', ['Save changes', 'Review changes', 'Sign out']],
      ['Tabs', ['General', 'Telephony', 'Knowledge base']],
    ]);
    expect(sections('discard')).toEqual([]);
  });

  it('narrows to what matches: a tab, an action', () => {
    expect(sections('Telephony')).toEqual([['Tabs', ['Telephony']]]);
    expect(sections('save')).toEqual([['Actions', ['Save changes']]]);
  });

  it('adds the server’s agents for a query, and "Open agent #N" first for a number', () => {
    expect(sections('acme', [agent(101, 'Acme support'), agent(102, null)])).toEqual([['Agents', ['Acme support', 'Agent 102']]]);
    expect(sections('101', [agent(101, 'Acme support')])).toEqual([['Agents', ['Open agent #101', 'Acme support']]]);
  });

  it('opens the agent it names', () => {
    opened.length = 0;
    const [agents] = paletteSections({ query: '5', commands: [], agents: [agent(9, 'Nine')], openAgent: (id) => opened.push(id) });
    agents?.items.forEach((item) => item.run());
    expect(opened).toEqual([5, 9]);
  });
});
