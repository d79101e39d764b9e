import type { ApiAgentSummary } from '../agent/api-schema';
import type { PaletteCommand } from '../ui/command-registry';

/** One row of the command palette: Enter (or a click) runs it. */
export interface PaletteItem {
  id: string;
  label: string;
  description?: string;
  run: () => void;
}

export interface PaletteSection {
  group: 'Actions' | 'Tabs' | 'Agents';
  items: PaletteItem[];
}

interface PaletteInput {
  /** What the user typed. */
  query: string;
  /** The commands pages registered (src/ui/command-registry.ts). */
  commands: readonly PaletteCommand[];
  /** The server's agents matching the query (debounced); empty while there is no query. */
  agents: readonly ApiAgentSummary[];
  openAgent: (id: number) => void;
}

/** Every word of the query appears in the label, ignoring case: "tele" finds Telephony, "changes save" Save changes. */
export function matchesQuery(label: string, query: string): boolean {
  const haystack = label.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/** The agent's id when the query is one (`42` or `#42`). */
export function agentIdOfQuery(query: string): number | null {
  const match = /^#?(\d{1,15})$/.exec(query.trim());
  const id = match ? Number(match[1]) : 0;
  return id > 0 ? id : null;
}

const agentLabel = (agent: ApiAgentSummary) => (typeof agent.name === 'string' && agent.name !== '' ? agent.name : `Agent ${agent.id}`);

/**
 * What the palette lists for a query, in its groups (empty ones left out): the actions that
 * apply now, the open agent's tabs, then agents (with "Open agent #N" first for a
 * number). Commands that do not apply (`enabled: false`) are not offered.
 *
 * @example paletteSections({ query: 'tele', commands, agents: [], openAgent }) // → [{ group: 'Tabs', items: [Telephony] }]
 */
export function paletteSections({ query, commands, agents, openAgent }: PaletteInput): PaletteSection[] {
  const q = query.trim();
  const offered = (group: PaletteCommand['group']): PaletteItem[] =>
    commands
      .filter((c) => c.group === group && c.enabled && matchesQuery(c.label, q))
      .map(({ id, label, description, run }) => ({ id, label, description, run }));

  const agentItems: PaletteItem[] = [];
  const id = agentIdOfQuery(q);
  if (id !== null) agentItems.push({ id: `agent.open.${id}`, label: `Open agent #${id}`, description: 'Open the agent with this id', run: () => openAgent(id) });
  if (q !== '') {
    for (const agent of agents) {
      agentItems.push({ id: `agent.${agent.id}`, label: agentLabel(agent), description: `Agent #${agent.id}`, run: () => openAgent(agent.id) });
    }
  }
  const sections: PaletteSection[] = [
    { group: 'Actions', items: offered('Actions') },
    { group: 'Tabs', items: offered('Tabs') },
    { group: 'Agents', items: agentItems },
  ];
  return sections.filter((section) => section.items.length > 0);
}
