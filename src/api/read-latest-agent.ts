import { apiAgentSchema } from '../agent/api-schema';
import type { ApiAgent } from '../agent/api-schema';
import { agentPath } from './agent-queries';
import { apiFetch } from './client';
import type { ResponseParser } from './response-parser';

/** Parses an agent, or gives `known` back unparsed while the answer is still its version. */
function sameVersionOr(known: ApiAgent): ResponseParser<ApiAgent> {
  return {
    safeParse: (data) => {
      const same =
        typeof data === 'object' && data !== null && 'id' in data && 'updated_at' in data && data.id === known.id && data.updated_at === known.updated_at;
      return same ? { success: true, data: known } : apiAgentSchema.safeParse(data);
    },
  };
}

/**
 * Reads the agent as it is on the server now, past the query cache and without touching it
 * (a failure here must not turn the open editor into an error page). The save reads it first
 * to see whether someone else saved meanwhile (`updated_at` moved). With `known` (the version
 * the caller holds), an answer with its `updated_at` is that version: `known` comes back as it
 * is, without checking every nested item of a large agent's answer again.
 *
 * @example const latest = await readLatestAgent(42)
 */
export function readLatestAgent(id: number, signal?: AbortSignal, known?: ApiAgent): Promise<ApiAgent> {
  return apiFetch(agentPath(id), { schema: known === undefined ? apiAgentSchema : sameVersionOr(known), ...(signal ? { signal } : {}) });
}
