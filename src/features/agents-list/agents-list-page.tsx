import { Anchor, Button, ComboboxChevron, Group, NativeSelect, Paper, Stack, Text, rem } from '@mantine/core';
import { PageHeading, usePageTitle } from '../../ui/page-heading';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { agentQueries, projectQueries } from '../../api/agent-queries';
import { ApiError } from '../../api/client';
import { AGENTS_PAGE_SIZE } from './agents-list-search';
import { AgentsSearchInput } from './components/agents-search-input';
import { AgentsTable, AgentsTableSkeleton } from './components/agents-table';
import { LoadErrorAlert } from '../../ui/load-error-alert';
import { PageFooter } from '../../ui/page-footer';
import { useStore } from '../../utils/create-store';
import { agentSelection, selectAgents } from './agent-selection';
import { SelectionBar } from './components/selection-bar';

const route = getRouteApi('/agents');

export function AgentsListPage() {
  const { page = 1, q = '', project } = route.useSearch();
  const navigate = route.useNavigate();
  const agents = useQuery(agentQueries.list({ page, pageSize: AGENTS_PAGE_SIZE, q, projectId: project }));
  const projects = useQuery(projectQueries.list());
  const selected = useStore(agentSelection);
  const projectNames = useMemo(
    () => new Map((projects.data ?? []).map((project) => [project.id, project.name])),
    [projects.data],
  );

  const setSearch = (next: string) => {
    if (next === q) return;
    void navigate({ search: { q: next === '' ? undefined : next, page: undefined }, replace: true });
  };
  const setProject = (next: number | undefined) => {
    void navigate({ search: (prev) => ({ ...prev, project: next, page: undefined }), replace: true });
  };
  const setPage = (next: number) => {
    void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) });
  };

  usePageTitle('Agents');
  const count = agents.data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(count / AGENTS_PAGE_SIZE));
  const first = (page - 1) * AGENTS_PAGE_SIZE + 1;
  const last = Math.min(count, page * AGENTS_PAGE_SIZE);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <PageHeading>Agents</PageHeading>
          <Text c="dimmed" mt={4}>
            Your Cekura voice agents. Open one to edit it.
          </Text>
        </div>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {/* A native select: the list page stays light (Mantine's Combobox loads with the editor). */}
          <NativeSelect
            label="Project"
            data={[
              { value: '', label: 'All projects' },
              ...(projects.data ?? []).map((p) => ({ value: String(p.id), label: p.name === '' ? `Project ${p.id}` : p.name })),
            ]}
            value={project === undefined ? '' : String(project)}
            onChange={(event) => setProject(event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value))}
            error={
              projects.isError ? (
                <>
                  The projects did not load ({projects.error.message}).{' '}
                  <Anchor component="button" type="button" size="xs" onClick={() => void projects.refetch()}>
                    Retry
                  </Anchor>
                </>
              ) : undefined
            }
            w={220}
            // Sized here: Combobox's stylesheet (its only other use) loads with the editor.
            rightSection={<ComboboxChevron style={{ width: rem(18), height: rem(18), color: 'var(--mantine-color-gray-6)' }} />}
          />
          <AgentsSearchInput value={q} onSearch={setSearch} />
        </Group>
      </Group>

      {agents.isSuccess && <SelectionBar count={count} q={q} projectId={project} />}

      <Paper withBorder radius="md" shadow="xs" style={{ overflow: 'hidden' }}>
        {agents.isPending ? (
          <AgentsTableSkeleton />
        ) : agents.isError && agents.error instanceof ApiError && agents.error.status === 404 && page > 1 ? (
          <Stack align="center" gap="xs" py={48} px="md">
            <Text fw={600}>There is no page {page}</Text>
            <Button variant="default" size="xs" mt="xs" onClick={() => setPage(1)}>
              Go to the first page
            </Button>
          </Stack>
        ) : agents.isError ? (
          <LoadErrorAlert title="Could not load the agents" m="md" error={agents.error} onRetry={() => void agents.refetch()} retrying={agents.isFetching} />
        ) : agents.data.results.length === 0 ? (
          <Stack align="center" gap="xs" py={48} px="md">
            <Text fw={600}>{q === '' && project === undefined ? 'No agents yet' : q === '' ? 'No agents in this project' : `No agents match “${q}”`}</Text>
            <Text size="sm" c="dimmed">
              {q === '' && project === undefined ? 'Agents created in Cekura show up here.' : 'Try another name, an agent id, or all projects.'}
            </Text>
            {(q !== '' || project !== undefined) && (
              <Button
                variant="default"
                size="xs"
                mt="xs"
                onClick={() => void navigate({ search: {}, replace: true })}
              >
                Clear filters
              </Button>
            )}
          </Stack>
        ) : (
          <AgentsTable agents={agents.data.results} projectNames={projectNames} selection={{ selected, onSelect: selectAgents }} />
        )}
      </Paper>

      {agents.isSuccess && count > 0 && (
        <PageFooter
          first={first}
          last={last}
          count={count}
          noun={{ one: 'agent', many: 'agents' }}
          loading={agents.isPlaceholderData}
          page={page}
          pages={pages}
          onPage={setPage}
          previousLabel="Previous page"
          nextLabel="Next page"
          label="Pages"
        />
      )}
    </Stack>
  );
}
