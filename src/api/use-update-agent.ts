import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiAgentSchema } from '../agent/api-schema';
import type { ApiAgent } from '../agent/api-schema';
import type { AgentWrite } from '../agent/write-types';
import { agentPath, agentQueries } from './agent-queries';
import { apiFetch } from './client';

/** How a PATCH goes out: `fetch` by default; the editor passes one that streams new files over XHR. */
export type SendAgentPatch = (path: string, body: AgentWrite, schema: typeof apiAgentSchema) => Promise<ApiAgent>;

const sendWithFetch: SendAgentPatch = (path, body, schema) => apiFetch(path, { method: 'PATCH', body, schema });

/**
 * Saves an agent with one PATCH of the body given (from `buildAgentPatch`). The answer is the
 * whole updated agent: it becomes the cached detail as is (no refetch) and the lists go stale.
 */
export function useUpdateAgent(id: number, send: SendAgentPatch = sendWithFetch) {
  const queryClient = useQueryClient();
  return useMutation<ApiAgent, Error, AgentWrite>({
    mutationFn: (body) => send(agentPath(id), body, apiAgentSchema),
    onSuccess: (agent) => {
      queryClient.setQueryData(agentQueries.detail(id).queryKey, agent);
      void queryClient.invalidateQueries({ queryKey: agentQueries.lists() });
    },
  });
}
