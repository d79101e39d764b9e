import type { ServedViaWrite } from '../agent/write-types';

export const MOCK_TOOLS_ORIGIN = 'https://mock.cekura.ai';

/** The runtime URL of a mock tool: its own webhook, or the agent's MCP endpoint at `mock_index`. */
export function servedViaUrl(agentId: number, toolId: number, servedVia: ServedViaWrite): string {
  return servedVia.type === 'mcp'
    ? `${MOCK_TOOLS_ORIGIN}/mcp/${agentId}/${servedVia.mock_index ?? 1}/`
    : `${MOCK_TOOLS_ORIGIN}/tools/${toolId}/`;
}
