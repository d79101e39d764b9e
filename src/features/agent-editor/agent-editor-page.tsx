import './mantine-styles';
import { Alert, Box, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Navigate, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useFormState } from 'react-hook-form';
import { ModalsProvider } from '@mantine/modals';
import type { Control } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import type { AgentFormValues } from '../../agent/form-schema';
import { agentToFormValues } from '../../agent/mapping';
import { mergeAgentEdits, resolveConflicts } from '../../agent/merge-agent-edits';
import { agentQueries } from '../../api/agent-queries';
import { ApiError } from '../../api/client';
import { AnchorLink } from '../../ui/anchor-link';
import { usePageTitle } from '../../ui/page-heading';
import { formatDateTime } from '../../utils/format-date-time';
import { UploadOutcome } from './knowledge-base/components/upload-progress';
import { AgentChangesProvider, useAgentChangeFeed } from './agent-changes-context';
import { AgentEditorHeader, agentDisplayName } from './components/agent-editor-header';
import { LeaveGuard } from './components/leave-guard';
import { SaveFailedNotification } from './components/save-failed-notification';
import { SaveBar } from './components/save-bar';
import { SectionTabLabel } from './components/section-tab-label';
import { ServerChangeNotice } from './components/server-change-notice';
import { noteDraftBaseline, secretsToTypeAgain } from './draft-storage';
import { EDITOR_SECTIONS, HISTORY_TAB, isSection } from './editor-sections';
import { HistoryPanel } from './history/history-panel';
import { useUndoingLastSave } from './last-save-store';
import { LoadedAgentContext } from './loaded-agent-context';
import { catalogueLabelOf } from './merge/field-labels';
import { useConflictPrompt } from './merge/use-conflict-prompt';
import { createAgentFormResolver } from './form-resolver';
import { useDraftPersistence } from './use-draft-persistence';
import { useSaveAgent } from './use-save-agent';
import { useUndoLastSave } from './use-undo-last-save';
import { useEditorTabCommands } from './use-editor-tab-commands';
import { LoadErrorAlert } from '../../ui/load-error-alert';

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
      <LoadErrorAlert title="Could not load the agent" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    );
  }
  // Confirm dialogs (Discard, Restore, a removed file) are the editor's alone: their provider,
  // and the modal code it pulls in, load with the editor's chunk, not on a first visit.
  return (
    <ModalsProvider>
      <AgentEditor key={query.data.id} agent={query.data} section={section} />
    </ModalsProvider>
  );
}

/**
 * One form over the whole agent. The server data is the form's starting point only: `baseline`
 * is the agent as loaded (then as last saved), and every save is the diff against it. A
 * background refetch never replaces it under unsaved edits.
 */
function AgentEditor({ agent, section }: { agent: ApiAgent; section: string }) {
  const navigate = useNavigate();
  const [baseline, setBaseline] = useState(agent);
  // Mock tools exactly as loaded go out as `{id}`: the server's invalid ones never block a save.
  const formResolver = useMemo(() => createAgentFormResolver(baseline), [baseline]);
  // The starting values once (not mapped again on every render of the editor).
  const [defaultValues] = useState(() => agentToFormValues(agent));
  const form = useForm<AgentFormValues>({
    resolver: formResolver.resolver,
    defaultValues,
    mode: 'onTouched',
  });
  const showSection = (value: string) =>
    void navigate({ to: '/agents/$agentId/$section', params: { agentId: String(baseline.id), section: value }, replace: true });
  const [gone, setGone] = useState(false);
  const feed = useAgentChangeFeed(form, baseline);
  const conflicts = useConflictPrompt();

  /** Puts the form on a newer version holding `values` (the edits merged onto it): Discard goes back to that version. */
  const rebase = (next: ApiAgent, values: AgentFormValues) => {
    setBaseline(next);
    feed.setBaseline(next);
    form.reset(agentToFormValues(next));
    form.reset(values, { keepDefaultValues: true });
  };
  const { submit, saving, checking, cancel, failure } = useSaveAgent({
    form,
    baseline,
    onSaved: setBaseline,
    onShowSection: showSection,
    onGone: () => setGone(true),
    onRebase: rebase,
    askConflicts: conflicts.ask,
    feed,
    checkingOnly: formResolver.checkingOnly,
  });
  const undo = useUndoLastSave({ form, baseline, onSaved: setBaseline, onRebase: rebase, askConflicts: conflicts.ask });
  const undoing = useUndoingLastSave();
  // Read before the draft is restored: which secrets typed before a reload are gone (never stored).
  const [typeAgain] = useState(() => secretsToTypeAgain(agent.id));
  const draft = useDraftPersistence(form, feed);
  useEffect(() => noteDraftBaseline(baseline), [baseline]);
  useHotkeys([['mod+S', submit]], []);
  usePageTitle(agentDisplayName(baseline), section === HISTORY_TAB.value ? HISTORY_TAB.label : (EDITOR_SECTIONS.find((s) => s.value === section)?.label ?? ''));
  useEditorTabCommands(agentDisplayName(baseline), section, showSection);

  // A draft made on an older version was merged onto this one: settle its conflicts (Cancel keeps mine).
  const askedDraft = useRef(false);
  const draftMerge = draft.merged;
  const askConflicts = conflicts.ask;
  useEffect(() => {
    if (draftMerge === null || draftMerge.conflicts.length === 0 || askedDraft.current) return;
    askedDraft.current = true;
    void askConflicts(draftMerge, 'Apply to my edits').then((choices) => {
      if (choices !== null) form.reset(resolveConflicts(draftMerge, choices), { keepDefaultValues: true });
    });
  }, [draftMerge, askConflicts, form]);

  /** Takes the server's newer version as the baseline (offered when there are no edits; a restore asks to discard them first). */
  const adopt = (next: ApiAgent) => {
    setBaseline(next);
    form.reset(agentToFormValues(next));
  };

  /** Merges the form's edits onto the server's newer version (conflicts ask first; Cancel changes nothing). */
  const mergeInto = async (next: ApiAgent) => {
    const result = mergeAgentEdits(baseline, form.getValues(), next, { labelOf: catalogueLabelOf });
    if (result.conflicts.length === 0) {
      rebase(next, result.values);
      return;
    }
    const choices = await conflicts.ask(result, 'Apply to my edits');
    if (choices !== null) rebase(next, resolveConflicts(result, choices));
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
            <ServerChangeNotice baseline={baseline} latest={agent} onAdopt={adopt} onMerge={(next) => void mergeInto(next)} />
            {draft.restored && (
              <Alert color="blue" variant="light" title="Unsaved changes restored" withCloseButton onClose={draft.dismiss}>
                {draft.merged === null
                  ? 'Your edits from before the page was reloaded are back.'
                  : `Your edits from before the page was reloaded are back, merged onto the newer version saved at ${formatDateTime(baseline.updated_at)}${
                      draft.merged.conflicts.length > 0 ? ' (where both changed a field, you chose which value stays)' : ''
                    }.`}{' '}
                Use Discard changes to drop them.
                {draft.droppedFiles.length > 0 &&
                  ` Files waiting to upload were not kept: add ${draft.droppedFiles.join(', ')} again.`}
                {typeAgain.length > 0 && ` Secrets are never kept with a draft. Type again: ${typeAgain.join(', ')}.`}
              </Alert>
            )}
            <form noValidate aria-label="Edit agent" onSubmit={(e) => { e.preventDefault(); submit(); }}>
              <Stack gap="md">
                <RootErrorAlert control={form.control} />
                <fieldset disabled={saving || undoing || gone} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                  <Paper withBorder radius="md" shadow="xs">
                    <Tabs value={section} onChange={(value) => value !== null && showSection(value)} keepMounted={false}>
                      <Tabs.List px="md" pt="xs">
                        {EDITOR_SECTIONS.map((s) => (
                          <Tabs.Tab key={s.value} value={s.value}>
                            <SectionTabLabel section={s} />
                          </Tabs.Tab>
                        ))}
                        <Tabs.Tab value={HISTORY_TAB.value}>{HISTORY_TAB.label}</Tabs.Tab>
                      </Tabs.List>
                      {EDITOR_SECTIONS.map(({ value, Component }) => (
                        <Tabs.Panel key={value} value={value}>
                          <Box p={{ base: 'md', sm: 'xl' }}>
                            <Component />
                          </Box>
                        </Tabs.Panel>
                      ))}
                      <Tabs.Panel value={HISTORY_TAB.value}>
                        <Box p={{ base: 'md', sm: 'xl' }}>
                          <HistoryPanel onRestored={adopt} />
                        </Box>
                      </Tabs.Panel>
                    </Tabs>
                  </Paper>
                </fieldset>
                <UploadOutcome onRetry={submit} />
                {!gone && <SaveBar baseline={baseline} saving={saving} checking={checking} onCancel={cancel} onDiscard={draft.clear} />}
              </Stack>
            </form>
            <LeaveGuard agentId={baseline.id} saving={saving || gone} onDiscard={draft.clear} />
            <SaveFailedNotification failure={failure} onRetry={submit} />
            {conflicts.dialog}
            {undo.dialog}
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
