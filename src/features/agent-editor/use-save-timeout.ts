import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import type { AgentFormValues } from '../../agent/form-schema';
import { agentToFormValues } from '../../agent/mapping';
import { patchLanded } from '../../agent/patch-landed';
import { agentQueries } from '../../api/agent-queries';
import { isAbortError, uploadProgressStore } from './knowledge-base/upload-progress-store';
import type { SaveFailure } from './use-save-agent';

/** How long a save may go without an answer (or, uploading, without sending a byte). */
export const SAVE_TIMEOUT_MS = 60_000;
/** Tests set `window[SAVE_TIMEOUT_TEST_HOOK]` (milliseconds) to time out sooner: no test waits a minute. */
export const SAVE_TIMEOUT_TEST_HOOK = '__cekuraSaveTimeoutMs';

function timeoutMs(): number {
  const override: unknown = typeof window === 'undefined' ? undefined : Reflect.get(window, SAVE_TIMEOUT_TEST_HOOK);
  return typeof override === 'number' && override > 0 ? override : SAVE_TIMEOUT_MS;
}

/** Why a save ended without an answer. */
export type SaveInterruption = 'cancelled' | 'timeout';

interface InFlight {
  controller: AbortController;
  timer?: ReturnType<typeof setTimeout>;
  reason?: SaveInterruption;
}

/**
 * Cancel and timeout of the save in flight. `signal()` starts a save (hand it to
 * `useUpdateAgent`); the save aborts on `cancel()` or after `SAVE_TIMEOUT_MS` without an
 * answer (an upload still sending bytes restarts the clock through `stillSending`).
 */
export function useSaveInterruption() {
  const current = useRef<InFlight | null>(null);
  return useMemo(() => {
    const abort = (entry: InFlight, reason: SaveInterruption) => {
      if (entry.controller.signal.aborted) return;
      entry.reason = reason;
      clearTimeout(entry.timer);
      const message = reason === 'timeout' ? 'The save got no answer in time' : 'The save was cancelled';
      entry.controller.abort(new DOMException(message, 'AbortError'));
    };
    const arm = (entry: InFlight) => {
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => abort(entry, 'timeout'), timeoutMs());
    };
    return {
      signal: (): AbortSignal => {
        clearTimeout(current.current?.timer); // a new request of the same save (the read, then the PATCH)
        const entry: InFlight = { controller: new AbortController() };
        current.current = entry;
        arm(entry);
        return entry.controller.signal;
      },
      stillSending: () => {
        const entry = current.current;
        if (entry && !entry.controller.signal.aborted) arm(entry);
      },
      cancel: () => {
        if (current.current) abort(current.current, 'cancelled');
      },
      finish: () => {
        clearTimeout(current.current?.timer);
        current.current = null;
      },
      /** Why `error` ended the save: cancelled (here or by the upload's Cancel), timed out, or neither. */
      reasonOf: (error: unknown): SaveInterruption | null => (isAbortError(error) ? (current.current?.reason ?? 'cancelled') : null),
    };
  }, []);
}

interface ReadBackOptions {
  form: UseFormReturn<AgentFormValues>;
  /** The agent as saved: the form's new baseline. */
  onSaved: (agent: ApiAgent) => void;
  onNotSaved: (failure: SaveFailure) => void;
}

/**
 * After a save ended without an answer the app cannot know whether the server applied it: read
 * the agent back and say which. Applied: the agent read back becomes the baseline (as after a
 * save); not applied: the edits stay, with Retry. While it reads, `checking` is true.
 */
export function useSaveReadBack({ form, onSaved, onNotSaved }: ReadBackOptions) {
  const queryClient = useQueryClient();
  const [checking, setChecking] = useState(false);

  async function readBack(before: ApiAgent, sent: AgentFormValues, why: SaveInterruption): Promise<void> {
    const uploading = uploadProgressStore.getState().status === 'cancelled';
    const what = why === 'timeout' ? `The server did not answer within ${Math.round(timeoutMs() / 1000)} s` : 'You cancelled the save';
    setChecking(true);
    let fresh: ApiAgent;
    try {
      const query = queryClient.query({ ...agentQueries.detail(before.id), staleTime: 0 });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('The agent could not be read back in time')), timeoutMs());
      });
      fresh = await Promise.race([query, late]).finally(() => clearTimeout(timer));
    } catch (error) {
      void queryClient.cancelQueries({ queryKey: agentQueries.detail(before.id).queryKey });
      setChecking(false);
      if (uploading) uploadProgressStore.settleCancelled(null, why === 'timeout');
      const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
      onNotSaved({
        title: 'Not known whether the agent was saved',
        message: `${what}, and reading the agent back failed too (${reason}). Your edits are kept; reload to see what the server has before saving again.`,
      });
      return;
    }
    setChecking(false);
    if (patchLanded(before, sent, fresh)) {
      if (uploading) uploadProgressStore.settleCancelled(true);
      notifications.show({
        color: 'green',
        title: 'The server had saved your changes',
        message: `${what}, but the agent read back holds your changes: nothing to send again.`,
      });
      onSaved(fresh);
      form.reset(agentToFormValues(fresh));
      return;
    }
    if (uploading) {
      uploadProgressStore.settleCancelled(false, why === 'timeout');
      return;
    }
    onNotSaved({
      title: why === 'timeout' ? 'No answer from the server' : 'Save cancelled',
      message: `${what}. The agent read back does not hold your changes: they were not saved. Your edits are kept.`,
    });
  }

  return { readBack, checking };
}
