import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiAgentSchema } from '../agent/api-schema';
import type { ApiAgent } from '../agent/api-schema';
import { agentPath, agentQueries } from './agent-queries';
import { apiFetch } from './client';

/**
 * Restores a version of an agent (`POST …/{id}/restore/ {history_id}`). The answer is the whole
 * agent as restored: it becomes the cached detail as is, and the lists and the history (the
 * restore is a new version) go stale.
 *
 * @example const restore = useRestoreAgent(agent.id); restore.mutate(version.history_id)
 */
export function useRestoreAgent(id: number) {
  const queryClient = useQueryClient();
  return useMutation<ApiAgent, Error, number>({
    mutationFn: (historyId) => apiFetch(`${agentPath(id)}restore/`, { method: 'POST', body: { history_id: historyId }, schema: apiAgentSchema }),
    onSuccess: (agent) => {
      queryClient.setQueryData(agentQueries.detail(id).queryKey, agent);
      void queryClient.invalidateQueries({ queryKey: agentQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: agentQueries.histories(id) });
    },
  });
}
