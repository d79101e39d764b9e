import { isPlainObject } from '../agent/deep-equal';
import type { StoredAgent } from '../agent/apply-agent-patch';
import { servedViaUrl } from './served-via';

/**
 * A mock tool held by several agents (the same id on each) is one shared tool: an edit made
 * through one agent shows on every agent that uses it, and `subscriber_count` / `is_shared`
 * count those agents.
 */

const SHARED_KEYS = ['name', 'description', 'mock_data', 'freetext_params', 'served_via', 'mcp_server'] as const;

function toolsOf(agent: StoredAgent): Record<string, unknown>[] {
  return Array.isArray(agent.mock_tools) ? agent.mock_tools.filter(isPlainObject) : [];
}

/** Copies the tools of `source` onto the other agents' copies of the same tools. */
export function propagateSharedTools(agents: StoredAgent[], source: StoredAgent): void {
  const byId = new Map(toolsOf(source).map((t) => [t.id, t] as const));
  for (const agent of agents) {
    if (agent.id === source.id || !Array.isArray(agent.mock_tools)) continue;
    agent.mock_tools = (agent.mock_tools as unknown[]).map((tool) => {
      const edited = isPlainObject(tool) ? byId.get(tool.id) : undefined;
      if (!isPlainObject(tool) || !edited || typeof tool.id !== 'number') return tool;
      const copy: Record<string, unknown> = { ...tool };
      for (const key of SHARED_KEYS) if (key in edited) copy[key] = structuredClone(edited[key]);
      if (isPlainObject(copy.served_via)) {
        const sv = copy.served_via;
        const write = sv.type === 'mcp' ? { type: 'mcp' as const, mock_index: Number(sv.mock_index ?? 1) } : { type: 'direct' as const };
        copy.served_via = { ...sv, url: servedViaUrl(agent.id, tool.id, write) };
      }
      return copy;
    });
  }
}

/** Sets `subscriber_count` and `is_shared` of every tool from how many agents hold it. */
export function recountSubscribers(agents: StoredAgent[]): void {
  const counts = new Map<unknown, number>();
  for (const agent of agents) for (const tool of toolsOf(agent)) counts.set(tool.id, (counts.get(tool.id) ?? 0) + 1);
  for (const agent of agents) {
    for (const tool of toolsOf(agent)) {
      const count = counts.get(tool.id) ?? 1;
      tool.subscriber_count = count;
      tool.is_shared = count > 1;
    }
  }
}
