import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ApiAgentList } from '../agent/api-schema';
import { agentQueries } from './agent-queries';

export interface AgentSearch {
  /** The answer for the text as it is now; null while it is still coming (never an older query's). */
  answer: ApiAgentList | null;
  /** True while the answer for what is typed is still coming (the pause after typing, then the request). */
  searching: boolean;
  isFetching: boolean;
  isError: boolean;
}

/**
 * The first page of agents matching `text` (the server searches names and ids), asked for once
 * typing pauses. Only the answer for the text as it is now is given: an older query's would be
 * replaced under the pointer as the new one lands, and a click or Enter could pick an agent that
 * does not match. `whenEmpty`: with nothing typed, list every agent ('all') or none ('none').
 *
 * @example const { answer, searching } = useAgentSearch(query, { pageSize: 8, debounceMs: 250, whenEmpty: 'none' });
 */
export function useAgentSearch(
  text: string,
  { pageSize, debounceMs, whenEmpty, enabled = true }: { pageSize: number; debounceMs: number; whenEmpty: 'all' | 'none'; enabled?: boolean },
): AgentSearch {
  const typed = text.trim();
  const [q] = useDebouncedValue(typed, debounceMs);
  const wanted = whenEmpty === 'all' || typed !== '';
  const list = useQuery({
    ...agentQueries.list({ page: 1, pageSize, q }),
    enabled: enabled && (whenEmpty === 'all' || q !== ''),
  });
  const current = wanted && q === typed && list.isSuccess && !list.isPlaceholderData;
  return {
    answer: current ? list.data : null,
    searching: wanted && !current && !list.isError,
    isFetching: list.isFetching,
    isError: list.isError,
  };
}
