import './mantine-styles';
import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useDeferredValue, useMemo, useState } from 'react';
import { bulkEditProblems } from '../../agent/bulk-edit-problems';
import { bulkChanges, buildBulkPatch, isEmptyBulkEdit } from '../../agent/bulk-patch';
import type { BulkEditSpec } from '../../agent/bulk-patch';
import { agentQueries, projectQueries } from '../../api/agent-queries';
import { AnchorLink } from '../../ui/anchor-link';
import { LoadErrorAlert } from '../../ui/load-error-alert';
import { PageHeading, usePageTitle } from '../../ui/page-heading';
import { INITIAL_BULK_DRAFT, specOfDraft } from './bulk-draft';
import type { BulkDraft } from './bulk-draft';
import { parseBulkIds } from './bulk-edit-search';
import { NO_RUN } from './bulk-run';
import type { BulkRun } from './bulk-run';
import { useStore } from '../../utils/create-store';
import { BulkCollectionOps } from './components/bulk-collection-ops';
import { BulkFields } from './components/bulk-fields';
import { BulkPreview } from './components/bulk-preview';
import type { AgentPreview } from './components/bulk-preview';
import { BulkRunPanel } from './components/bulk-run-panel';
import { BulkUndo } from './components/bulk-undo';
import { useStartBulkRun } from './use-start-bulk-run';

const route = getRouteApi('/agents/bulk');

const agentName = (name: string | null | undefined, id: number) => (name !== null && name !== undefined && name !== '' ? name : `Agent ${id}`);

/**
 * The bulk editor: the same change to every selected agent, each saved with its own minimal
 * PATCH. The fields, a preview per agent, then **Apply to N agents**, its progress and results,
 * **Retry failed**, **Cancel** and **Undo batch**.
 */
export function BulkEditPage() {
  const { ids: idsText } = route.useSearch();
  const ids = useMemo(() => parseBulkIds(idsText), [idsText]);
  usePageTitle('Bulk edit');
  // Combined (and structurally shared): the preview recomputes only when an agent changes.
  const agents = useQueries({
    queries: ids.map((id) => agentQueries.detail(id)),
    combine: (results) => ({
      data: results.map((r) => r.data),
      loaded: results.every((r) => r.isSuccess),
      failed: results.find((r) => r.isError),
    }),
  });
  const projects = useQuery(projectQueries.list());
  const projectNames = useMemo(() => new Map((projects.data ?? []).map((p) => [p.id, p.name] as const)), [projects.data]);
  const queryClient = useQueryClient();
  const startRun = useStartBulkRun();

  const [draft, setDraft] = useState<BulkDraft>(INITIAL_BULK_DRAFT);
  const [applied, setApplied] = useState<{ run: BulkRun; spec: BulkEditSpec } | null>(null);
  const [undoRun, setUndoRun] = useState<BulkRun | null>(null);

  const applyRunning = useStore(applied?.run.store ?? NO_RUN, (s) => s.running);
  const undoRunning = useStore(undoRun?.store ?? NO_RUN, (s) => s.running);
  const spec = useMemo(() => specOfDraft(draft), [draft]);
  const problems = useMemo(() => bulkEditProblems(spec), [spec]);
  const valid = Object.keys(problems).length === 0;
  const { loaded, failed: failedQuery } = agents;

  const names = useMemo(
    () => new Map(ids.map((id, i) => [id, agentName(agents.data[i]?.name, id)] as const)),
    [ids, agents.data],
  );
  // Typing stays quick with many agents: the preview follows the form when React has time.
  const previewSpec = useDeferredValue(spec);
  const previewValid = useMemo(() => Object.keys(bulkEditProblems(previewSpec)).length === 0, [previewSpec]);
  const previews = useMemo<AgentPreview[]>(() => {
    if (!loaded || !previewValid || isEmptyBulkEdit(previewSpec)) return [];
    return agents.data.flatMap((agent) =>
      agent === undefined ? [] : [{ agent, name: agentName(agent.name, agent.id), changes: bulkChanges(previewSpec, agent), patch: buildBulkPatch(previewSpec, agent) }],
    );
  }, [agents.data, loaded, previewSpec, previewValid]);
  // Apply only what the preview shows: the button waits while the preview catches up.
  const current = previewSpec === spec;
  const changing = previews.filter((p) => p.patch !== null).map((p) => p.agent.id);

  const apply = () => {
    const frozen = structuredClone(previewSpec);
    setApplied({ run: startRun(changing, (agent) => buildBulkPatch(frozen, agent)), spec: frozen });
  };
  const reset = () => {
    setApplied(null);
    setUndoRun(null);
    setDraft(INITIAL_BULK_DRAFT);
    for (const id of ids) void queryClient.invalidateQueries({ queryKey: agentQueries.detail(id).queryKey });
  };

  if (ids.length === 0) {
    return (
      <Stack gap="md" align="flex-start">
        <PageHeading>Bulk edit</PageHeading>
        <Text>No agents are selected. Tick agents in the list, then choose Edit selected.</Text>
        <AnchorLink to="/agents">Go to the agents</AnchorLink>
      </Stack>
    );
  }

  const locked = applied !== null;
  return (
    <Stack gap="lg">
      <div>
        <PageHeading>Bulk edit</PageHeading>
        <Text c="gray.7" mt={4}>
          {ids.length === 1 ? '1 agent selected' : `${ids.length} agents selected`}. Only the changes you turn on are sent, one minimal PATCH per agent.
        </Text>
        <AnchorLink to="/agents" size="sm" mt={4} display="inline-block">
          Back to the agents
        </AnchorLink>
      </div>

      {failedQuery?.error && (
        <LoadErrorAlert title="Could not load every selected agent" error={failedQuery.error} onRetry={() => void failedQuery.refetch()} retrying={failedQuery.isFetching} />
      )}

      <BulkFields
        draft={draft}
        locked={locked}
        problems={problems}
        projects={projects.data ?? []}
        onToggle={(field, on) => setDraft((d) => ({ ...d, on: { ...d.on, [field]: on } }))}
        onValue={(field, value) => setDraft((d) => ({ ...d, on: { ...d.on, [field]: true }, values: { ...d.values, [field]: value } }))}
      />
      <BulkCollectionOps
        ops={draft}
        locked={locked}
        problems={problems}
        onChange={(ops) => setDraft((d) => ({ ...d, variables: ops.variables, tools: ops.tools, removals: ops.removals }))}
      />

      {!locked && (
        <>
          {!loaded && !failedQuery && (
            <Group gap="xs">
              <Loader size="sm" aria-label="Loading the agents" />
              <Text size="sm">Loading the selected agents…</Text>
            </Group>
          )}
          {loaded && isEmptyBulkEdit(spec) && <Text c="gray.7">Turn on a change above to see what it does to each agent.</Text>}
          {loaded && !valid && (
            <Alert color="red" title="Fix these first">
              <List size="sm">
                {Object.entries(problems).map(([path, message]) => (
                  <List.Item key={path}>{message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {previews.length > 0 && <BulkPreview previews={previews} projectNames={projectNames} />}
          <Group>
            <Button onClick={apply} disabled={!loaded || !valid || !current || changing.length === 0}>
              {`Apply to ${changing.length} agents`}
            </Button>
          </Group>
        </>
      )}

      {applied && <BulkRunPanel run={applied.run} title="Results" names={names} savedWord="Saved" canRetry={undoRun === null} />}
      {applied && <BulkUndo applied={applied.run} undoRun={undoRun} onUndo={setUndoRun} names={names} />}
      {applied && (
        <Group>
          <Button variant="subtle" onClick={reset} disabled={applyRunning || undoRunning}>
            Start another bulk edit
          </Button>
        </Group>
      )}
    </Stack>
  );
}
