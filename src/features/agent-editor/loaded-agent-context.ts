import { createContext, useContext } from 'react';
import type { ApiAgent } from '../../agent/api-schema';

/**
 * The agent as loaded (the form's baseline), for what the form does not hold: ids' server
 * metadata (shared tools, file links), whether secrets are configured.
 */
export const LoadedAgentContext = createContext<ApiAgent | null>(null);

export function useLoadedAgent(): ApiAgent {
  const agent = useContext(LoadedAgentContext);
  if (!agent) throw new Error('useLoadedAgent is used outside the agent editor');
  return agent;
}
