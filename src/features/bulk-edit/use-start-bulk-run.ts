import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { agentQueries } from '../../api/agent-queries';
import { readLatestAgent } from '../../api/read-latest-agent';
import { patchAgent } from '../../api/use-update-agent';
import { createBulkRun } from './bulk-run';
import type { BuildPatch, BulkRun } from './bulk-run';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts a bulk run over `ids` with the house's one PATCH operation: each answer becomes the
 * agent's cached detail and its history goes stale; the lists go stale when the run ends.
 *
 * @example const start = useStartBulkRun(); const run = start([1, 2], (agent) => buildBulkPatch(spec, agent))
 */
export function useStartBulkRun(): (ids: readonly number[], build: BuildPatch) => BulkRun {
  const queryClient = useQueryClient();
  return useCallback(
    (ids, build) => {
      const run = createBulkRun(ids, build, {
        read: (id) => readLatestAgent(id),
        send: async (id, patch) => {
          const after = await patchAgent(id, patch);
          queryClient.setQueryData(agentQueries.detail(id).queryKey, after);
          void queryClient.invalidateQueries({ queryKey: agentQueries.histories(id) });
          return after;
        },
        wait,
      });
      const settle = () => void queryClient.invalidateQueries({ queryKey: agentQueries.lists() });
      // Each run (the first, each Retry failed) ends with the lists refreshed.
      const start = run.start;
      const retryFailed = run.retryFailed;
      const wrapped: BulkRun = {
        ...run,
        start: () => start().finally(settle),
        retryFailed: () => retryFailed().finally(settle),
      };
      void wrapped.start();
      return wrapped;
    },
    [queryClient],
  );
}
