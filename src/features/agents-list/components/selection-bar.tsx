import { Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { agentQueries } from '../../../api/agent-queries';
import { useStore } from '../../../utils/create-store';
import { agentSelection, clearAgentSelection, selectAgents } from '../agent-selection';

/** Pages of this size are read to select every agent matching the filter (the API's largest). */
const ALL_PAGE_SIZE = 100;

/**
 * The ticked agents: how many, ticking every agent that matches the filter (every page, read
 * through the list API), and **Edit selected**, which opens the bulk editor with their ids.
 */
export function SelectionBar({ count, q, projectId }: { count: number; q: string; projectId: number | undefined }) {
  const selected = useStore(agentSelection);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const selectAllMatching = async () => {
    setLoading(true);
    setError(null);
    try {
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const data = await queryClient.query({ ...agentQueries.list({ page, pageSize: ALL_PAGE_SIZE, q, projectId }), staleTime: 0 });
        ids.push(...data.results.map((agent) => agent.id));
        if (data.next === null || data.next === undefined || data.results.length === 0) break;
      }
      selectAgents(ids, true);
    } catch (e) {
      setError(`Could not select them all: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLoading(false);
    }
  };

  const n = selected.size;
  return (
    <Group gap="sm" wrap="wrap" aria-label="Selection" role="group">
      <Text fw={600} aria-live="polite">
        {n === 1 ? '1 agent selected' : `${n} agents selected`}
      </Text>
      {count > 0 && (
        <Button variant="default" size="xs" loading={loading} onClick={() => void selectAllMatching()}>
          {`Select all ${count} matching the filter`}
        </Button>
      )}
      {n > 0 && (
        <Button variant="subtle" size="xs" onClick={clearAgentSelection}>
          Clear selection
        </Button>
      )}
      <Button size="xs" disabled={n === 0} onClick={() => void navigate({ to: '/agents/bulk', search: { ids: [...selected].join(',') } })}>
        Edit selected
      </Button>
      {error !== null && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Group>
  );
}
