import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Navigate, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { FormProvider, useForm, useFormState } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { agentFormSchema } from '../../agent/form-schema';
import type { AgentFormValues } from '../../agent/form-schema';
import { agentToFormValues } from '../../agent/mapping';
import { agentQueries } from '../../api/agent-queries';
import { ApiError } from '../../api/client';
import { AnchorLink } from '../../ui/anchor-link';
import { usePageTitle } from '../../ui/page-heading';
import { UploadProgress } from './knowledge-base/components/upload-progress';
import { AgentChangesProvider, useAgentChangeFeed } from './agent-changes-context';
import { AgentEditorHeader, agentDisplayName } from './components/agent-editor-header';
import { LeaveGuard } from './components/leave-guard';
import { SaveFailedNotification } from './components/save-failed-notification';
import { SaveBar } from './components/save-bar';
import { SectionTabLabel } from './components/section-tab-label';
import { ServerChangeNotice } from './components/server-change-notice';
import { EDITOR_SECTIONS, isSection } from './editor-sections';
import { LoadedAgentContext } from './loaded-agent-context';
import { useDraftPersistence } from './use-draft-persistence';
import { useSaveAgent } from './use-save-agent';

const route = getRouteApi('/agents/$agentId/$section');

function parseAgentId(raw: string): number | null {
  return /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/** The route: loads the agent, then hands it to the editor as its starting point. */
export function AgentEditorPage() {
  const { agentId, section } = route.useParams();
  const id = parseAgentId(agentId);
  const query = useQuery({ ...agentQueries.detail(id ?? 0), enabled: id !== null });

  if (id === null || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text component="h1" fz="h2" fw={650}>
          Agent not found
        </Text>
        <Text>There is no agent with the id “{agentId}”, or you have no access to it.</Text>
        <AnchorLink to="/agents">Back to the agents</AnchorLink>
      </Stack>
    );
  }
  if (!isSection(section)) {
    return <Navigate to="/agents/$agentId/$section" params={{ agentId, section: 'general' }} replace />;
  }
  if (query.isPending) return <EditorSkeleton />;
  if (query.isError) {
    return (
      <Alert color="red" title="Could not load the agent" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{query.error.message}</Text>
          <Button size="xs" variant="default" onClick={() => void query.refetch()} loading={query.isFetching}>
            Retry
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <AgentEditor key={query.data.id} agent={query.data} section={section} />;
}

/**
 * One form over the whole agent. The server data is the form's starting point only: `baseline`
 * is the agent as loaded (then as last saved), and every save is the diff against it. A
 * background refetch never replaces it under unsaved edits.
 */
function AgentEditor({ agent, section }: { agent: ApiAgent; section: string }) {
  const navigate = useNavigate();
  const [baseline, setBaseline] = useState(agent);
  const form = useForm<AgentFormValues>({
    resolver: zodResolver(agentFormSchema),
    defaultValues: agentToFormValues(agent),
    mode: 'onTouched',
  });
  const showSection = (value: string) =>
    void navigate({ to: '/agents/$agentId/$section', params: { agentId: String(baseline.id), section: value }, replace: true });
  const [gone, setGone] = useState(false);
  const { submit, saving, failure } = useSaveAgent({ form, baseline, onSaved: setBaseline, onShowSection: showSection, onGone: () => setGone(true) });
  const feed = useAgentChangeFeed(form, baseline);
  const draft = useDraftPersistence(form, feed);
  useHotkeys([['mod+S', submit]], []);
  usePageTitle(agentDisplayName(baseline), EDITOR_SECTIONS.find((s) => s.value === section)?.label ?? '');

  /** Takes the server's newer version as the baseline (only offered when there are no edits). */
  const adopt = (next: ApiAgent) => {
    setBaseline(next);
    form.reset(agentToFormValues(next));
  };

  return (
    <Stack gap="lg">
      {gone ? (
        <Stack gap="sm" align="flex-start" role="alert">
          <Text component="h1" fz="h2" fw={650}>
            Agent not found
          </Text>
          <Text>
            “{baseline.name}” (id {baseline.id}) no longer exists, or you lost access to it, so it cannot be saved. Your edits
            are still below, read-only, to copy from.
          </Text>
          <AnchorLink to="/agents">Back to the agents</AnchorLink>
        </Stack>
      ) : (
        <AgentEditorHeader agent={baseline} />
      )}
      <FormProvider {...form}>
        <LoadedAgentContext value={baseline}>
          <AgentChangesProvider feed={feed}>
            <ServerChangeNotice baseline={baseline} latest={agent} onAdopt={adopt} />
            {draft.restored && (
              <Alert color="blue" variant="light" title="Unsaved changes restored" withCloseButton onClose={draft.dismiss}>
                Your edits from before the page was reloaded are back. Use Discard changes to drop them.
                {draft.droppedFiles.length > 0 &&
                  ` Files waiting to upload were not kept: add ${draft.droppedFiles.join(', ')} again.`}
              </Alert>
            )}
            <form noValidate aria-label="Edit agent" onSubmit={(e) => { e.preventDefault(); submit(); }}>
              <Stack gap="md">
                <RootErrorAlert control={form.control} />
                <fieldset disabled={saving || gone} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                  <Paper withBorder radius="md" shadow="xs">
                    <Tabs value={section} onChange={(value) => value !== null && showSection(value)} keepMounted={false}>
                      <Tabs.List px="md" pt="xs">
                        {EDITOR_SECTIONS.map((s) => (
                          <Tabs.Tab key={s.value} value={s.value}>
                            <SectionTabLabel section={s} />
                          </Tabs.Tab>
                        ))}
                      </Tabs.List>
                      {EDITOR_SECTIONS.map(({ value, Component }) => (
                        <Tabs.Panel key={value} value={value}>
                          <Box p={{ base: 'md', sm: 'xl' }}>
                            <Component />
                          </Box>
                        </Tabs.Panel>
                      ))}
                    </Tabs>
                  </Paper>
                </fieldset>
                <UploadProgress onRetry={submit} />
                {!gone && <SaveBar baseline={baseline} saving={saving} onDiscard={draft.clear} />}
              </Stack>
            </form>
            <LeaveGuard agentId={baseline.id} saving={saving || gone} onDiscard={draft.clear} />
            <SaveFailedNotification failure={failure} onRetry={submit} />
          </AgentChangesProvider>
        </LoadedAgentContext>
      </FormProvider>
    </Stack>
  );
}

function RootErrorAlert({ control }: { control: Control<AgentFormValues> }) {
  const { errors } = useFormState({ control });
  const message = errors.root?.server?.message;
  if (message === undefined) return null;
  return (
    <Alert color="red" title="The agent was not saved" role="alert" style={{ whiteSpace: 'pre-line' }}>
      {message}
    </Alert>
  );
}


function EditorSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading the agent">
      <Stack gap={8}>
        <Skeleton height={12} width={140} />
        <Skeleton height={30} width={320} />
        <Skeleton height={12} width={240} />
      </Stack>
      <Paper withBorder radius="md" p="xl">
        <Stack gap="lg" maw={760}>
          {[40, 120, 40, 40].map((height, i) => (
            <Stack key={i} gap={6}>
              <Skeleton height={12} width={120} />
              <Skeleton height={height} />
            </Stack>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
