import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
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
import { AgentEditorHeader } from './components/agent-editor-header';
import { SaveBar } from './components/save-bar';
import { EDITOR_SECTIONS } from './editor-sections';
import { LoadedAgentContext } from './loaded-agent-context';
import { useSaveAgent } from './use-save-agent';

const route = getRouteApi('/agents/$agentId');

function parseAgentId(raw: string): number | null {
  return /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/** The route: loads the agent, then hands it to the editor as its starting point. */
export function AgentEditorPage() {
  const { agentId } = route.useParams();
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
  return <AgentEditor key={query.data.id} agent={query.data} />;
}

/**
 * One form over the whole agent. The server data is the form's starting point only: `baseline`
 * is the agent as loaded (then as last saved), and every save is the diff against it.
 */
function AgentEditor({ agent }: { agent: ApiAgent }) {
  const [baseline, setBaseline] = useState(agent);
  const [tab, setTab] = useState<string>(EDITOR_SECTIONS[0]?.value ?? 'general');
  const form = useForm<AgentFormValues>({
    resolver: zodResolver(agentFormSchema),
    defaultValues: agentToFormValues(agent),
    mode: 'onTouched',
  });
  const { save, onInvalid, saving } = useSaveAgent({
    form,
    baseline,
    onSaved: setBaseline,
    onShowSection: setTab,
  });

  return (
    <Stack gap="lg">
      <AgentEditorHeader agent={baseline} />
      <FormProvider {...form}>
        <LoadedAgentContext value={baseline}>
          <form noValidate aria-label="Edit agent" onSubmit={(e) => void form.handleSubmit(save, onInvalid)(e)}>
            <Stack gap="md">
              <RootErrorAlert control={form.control} />
              <fieldset disabled={saving} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                <Paper withBorder radius="md" shadow="xs">
                  <Tabs value={tab} onChange={(value) => setTab(value ?? tab)} keepMounted>
                    <Tabs.List px="md" pt="xs">
                      {EDITOR_SECTIONS.map((section) => (
                        <Tabs.Tab key={section.value} value={section.value}>
                          {section.label}
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
              <SaveBar baseline={baseline} saving={saving} />
            </Stack>
          </form>
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
