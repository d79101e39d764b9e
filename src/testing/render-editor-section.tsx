import { zodResolver } from '@hookform/resolvers/zod';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../agent/api-schema';
import { buildAgentPatch } from '../agent/build-agent-patch';
import { deepEqual } from '../agent/deep-equal';
import { agentFormSchemaFor } from '../agent/form-schema';
import type { AgentFormValues } from '../agent/form-schema';
import { agentToFormValues } from '../agent/mapping';
import type { AgentWrite } from '../agent/write-types';
import { cssVariablesResolver, theme } from '../app/theme';
import { AgentChangesProvider, useAgentChangeFeed } from '../features/agent-editor/agent-changes-context';
import type { AgentChangeFeed } from '../features/agent-editor/change-feed';
import { LoadedAgentContext } from '../features/agent-editor/loaded-agent-context';
import { sampleAgent } from './fixtures';
import { createTestQueryClient } from './render-with-providers';

export interface RenderEditorSectionOptions {
  /** The agent as loaded: the form's starting values and the baseline of `patch()`. */
  agent?: ApiAgent;
}

/**
 * Renders one editor section (or any part of the editor) the way the editor page does: the
 * app's Mantine theme (in Mantine's test mode), modals, a fresh QueryClient, the real agent form (zod resolver,
 * validation on touch), the loaded agent and the live diff. `patch()` is the PATCH body a save
 * would send now, so a test can assert the exact minimal body after user interactions.
 *
 * @example
 * const { user, patch } = renderEditorSection(<TelephonySection />);
 * await user.type(screen.getByLabelText('Phone number'), '9');
 * expect(patch()).toEqual({ telephony: { phone_number: '+141555512349' } });
 */
export function renderEditorSection(ui: ReactElement, { agent = sampleAgent() }: RenderEditorSectionOptions = {}) {
  const queryClient = createTestQueryClient();
  const holder: { form?: UseFormReturn<AgentFormValues>; feed?: AgentChangeFeed } = {};

  function EditorForm({ children }: { children: ReactNode }) {
    const [resolver] = useState(() => zodResolver(agentFormSchemaFor(agent)));
    const form = useForm<AgentFormValues>({
      resolver,
      defaultValues: agentToFormValues(agent),
      mode: 'onTouched',
    });
    holder.form = form;
    const feed = useAgentChangeFeed(form, agent);
    holder.feed = feed;
    return (
      <FormProvider {...form}>
        <LoadedAgentContext value={agent}>
          <AgentChangesProvider feed={feed}>{children}</AgentChangesProvider>
        </LoadedAgentContext>
      </FormProvider>
    );
  }

  const wrapper = ({ children }: { children: ReactNode }) => (
    // env="test": Mantine's own testing mode, no transitions and no portals, so a dropdown's
    // options and a modal's content are in the document as soon as they open.
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env="test">
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <EditorForm>{children}</EditorForm>
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );

  const result = render(ui, { wrapper });
  const { form, feed } = holder;
  if (!form || !feed) throw new Error('renderEditorSection: the form did not render');
  return {
    ...result,
    user: userEvent.setup({ delay: null }),
    queryClient,
    agent,
    form,
    /** Sets a value as an editor input does: into the form, then tells the change feed. */
    edit: (...[name, value]: Parameters<UseFormReturn<AgentFormValues>['setValue']>) => {
      form.setValue(name, value);
      feed.edited(name);
    },
    /**
     * The minimal PATCH body for the form's current values against `agent`. It also checks that
     * the change feed (what the editor shows and a save sends) heard every change that led here:
     * it throws when the feed's PATCH differs, so every test that reads `patch()` checks it.
     */
    patch: (): AgentWrite => {
      const body = buildAgentPatch(agent, form.getValues());
      const heard = feed.getPatchNow();
      if (!deepEqual(heard, body)) {
        throw new Error(`The change feed missed a change: it holds ${JSON.stringify(heard)}, the form's PATCH is ${JSON.stringify(body)}`);
      }
      return body;
    },
  };
}
