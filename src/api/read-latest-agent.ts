import { apiAgentSchema } from '../agent/api-schema';
import type { ApiAgent } from '../agent/api-schema';
import { agentPath } from './agent-queries';
import { apiFetch } from './client';

/**
 * Reads the agent as it is on the server now, past the query cache and without touching it
 * (a failure here must not turn the open editor into an error page). The save reads it first
 * to see whether someone else saved meanwhile (`updated_at` moved).
 *
 * @example const latest = await readLatestAgent(42)
 */
export function readLatestAgent(id: number, signal?: AbortSignal): Promise<ApiAgent> {
  return apiFetch(agentPath(id), { schema: apiAgentSchema, ...(signal ? { signal } : {}) });
}
