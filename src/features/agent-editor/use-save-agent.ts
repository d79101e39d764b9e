import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FieldErrors, FieldPath, UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { buildAgentPatch } from '../../agent/build-agent-patch';
import { deepEqual } from '../../agent/deep-equal';
import { mapDrfErrors } from '../../agent/drf-errors';
import type { FieldError } from '../../agent/drf-errors';
import type { AgentFormKey, AgentFormValues } from '../../agent/form-schema';
import type { AgentWrite } from '../../agent/write-types';
import { agentToFormValues } from '../../agent/mapping';
import { removedVariablesInUse } from '../../agent/placeholders';
import { agentQueries } from '../../api/agent-queries';
import { useApiKeyState } from '../../api/api-key-store';
import { ApiError } from '../../api/client';
import { readLatestAgent } from '../../api/read-latest-agent';
import { useUpdateAgent } from '../../api/use-update-agent';
import { pendingFileUploads } from './knowledge-base/pending-file-uploads';
import { isAbortError, uploadProgressStore } from './knowledge-base/upload-progress-store';
import { showSavedNotification } from './components/saved-notification';
import { confirmRemovingUsedVariables } from './components/used-variables-confirm';
import type { AgentChangeFeed } from './change-feed';
import { describeChanges } from './describe-changes';
import type { AgentFormResolver } from './form-resolver';
import { sectionOfPath } from './editor-sections';
import { recordSave, undoLastSave } from './last-save-store';
import { sendOntoLatest } from './merge/send-onto-latest';
import type { AskConflicts } from './merge/use-conflict-prompt';
import { describeSaveFailure } from './save-failure';
import { useSaveInterruption, useSaveReadBack } from './use-save-timeout';

/** The form-level error shown above the form (`non_field_errors`, errors of fields no tab shows). */
const ROOT_ERROR = 'root.server' as const;

/** A save that failed with the edits kept (not a 400, sign-in, 404 or upload failure): offered again with Retry. */
export interface SaveFailure {
  title: string;
  message: string;
  /** When Retry may go (epoch ms): a 429's Retry-After. */
  retryAt?: number;
  /** The key has no access (403): opens the sign-in for another key; the save retries after it. */
  signInAgain?: () => void;
}

interface SaveAgentOptions {
  form: UseFormReturn<AgentFormValues>;
  baseline: ApiAgent;
  /** The agent as saved: the form's new baseline. */
  onSaved: (agent: ApiAgent) => void;
  /** Opens the tab of the first field with an error. */
  onShowSection: (section: string) => void;
  /** The agent is gone (404 on save): the page says so; the form stays, read-only. */
  onGone: () => void;
  /** Puts the form on a newer version of the agent holding `values` (the edits merged onto it). */
  onRebase: (agent: ApiAgent, values: AgentFormValues) => void;
  /** The editor's conflict dialog. */
  askConflicts: AskConflicts;
  /** The editor's change feed: it holds the PATCH a save sends (not diffed again), and takes the saved agent. */
  feed: AgentChangeFeed;
  /** The form resolver's `checkingOnly`: a save checks only the parts it sends. */
  checkingOnly: AgentFormResolver['checkingOnly'];
}

/** Flattens react-hook-form errors into `{path, message}` (first message of each field). */
function flattenErrors(errors: object, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const [key, value] of Object.entries(errors) as [string, unknown][]) {
    if (key === 'root' || key === 'ref' || typeof value !== 'object' || value === null) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if ('message' in value && typeof value.message === 'string') out.push({ path, message: value.message });
    else out.push(...flattenErrors(value, path));
  }
  return out;
}

/**
 * Submits the form as one minimal PATCH, read-before-write: when someone else saved since the
 * form's baseline, the edits are merged onto their version first (conflicts ask the user). On
 * success the response becomes the baseline and "Changes saved" offers Undo; a 400 puts each
 * message at its field (or above the form); other failures keep every edit.
 */
export function useSaveAgent({ form, baseline, onSaved, onShowSection, onGone, onRebase, askConflicts, feed, checkingOnly }: SaveAgentOptions) {
  const interruption = useSaveInterruption();
  const mutation = useUpdateAgent(baseline.id, pendingFileUploads, { signal: interruption.signal, onUploadProgress: interruption.stillSending });
  const queryClient = useQueryClient();

  /** Places errors at their fields, the rest in the root alert; opens the first tab concerned. */
  function showErrors(errors: FieldError[], placeAtFields: boolean) {
    const unplaced: FieldError[] = [];
    let firstSection: string | undefined;
    for (const error of errors) {
      const section = error.path === 'root' ? undefined : sectionOfPath(error.path);
      if (section === undefined) {
        unplaced.push(error);
        continue;
      }
      firstSection ??= section.value;
      if (placeAtFields) {
        form.setError(error.path as FieldPath<AgentFormValues>, { type: 'server', message: error.message }, { shouldFocus: firstSection === section.value });
      }
    }
    if (unplaced.length > 0) {
      const message = unplaced.map((e) => (e.path === 'root' ? e.message : `${e.path}: ${e.message}`)).join('\n');
      form.setError(ROOT_ERROR, { type: 'server', message });
    }
    if (firstSection !== undefined) onShowSection(firstSection);
  }

  const retryAfterSignIn = useRef(false);
  const submitRef = useRef<() => void>(() => undefined);
  // Set synchronously: two clicks in one frame both pass `mutation.isPending` of the same render.
  const inFlight = useRef(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  // The read before the PATCH (and the PATCH): the form is locked, as while sending.
  const [checking, setChecking] = useState(false);

  const { readBack, checking: readingBack } = useSaveReadBack({ form, onSaved, onNotSaved: setFailure });
  /** What the PATCH in flight was built on (the baseline, or the newer version merged onto). */
  const sending = useRef<{ base: ApiAgent; values: AgentFormValues } | null>(null);
  /** The change feed's PATCH as the last submit started, and the baseline it was taken against. */
  const submitted = useRef<{ patch: AgentWrite; baseline: ApiAgent } | null>(null);

  /** A failed read or PATCH: a 400 at its fields, sign-in then again, a 404, a read-back, or Retry. */
  function showFailure(error: unknown) {
    if (error instanceof ApiError && error.status === 400) {
      showErrors(mapDrfErrors(error.body), true);
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      // The sign-in modal opens; once a key is accepted, this save runs again.
      retryAfterSignIn.current = true;
      return;
    }
    if (error instanceof ApiError && error.status === 404) {
      onGone();
      return;
    }
    // Cancelled or timed out: the server may have applied it; read the agent back and say.
    const why = interruption.reasonOf(error);
    if (why !== null && sending.current) {
      void readBack(sending.current.base, sending.current.values, why);
      return;
    }
    if (why !== null) {
      // Stopped while reading the agent before the PATCH: nothing was sent.
      setFailure({
        title: why === 'timeout' ? 'No answer from the server' : 'Save cancelled',
        message: `${why === 'timeout' ? 'Reading the agent before saving got no answer in time' : 'You cancelled the save'}; nothing was sent. Your edits are kept.`,
      });
      return;
    }
    // A failed upload of new files has its own alert with Retry upload.
    if (isAbortError(error) || uploadProgressStore.getState().status !== 'idle') return;
    setFailure(describeSaveFailure(error instanceof Error ? error : new Error(String(error)), () => (retryAfterSignIn.current = true)));
  }

  async function save(values: AgentFormValues) {
    if (inFlight.current || mutation.isPending || readingBack) return; // no double submit
    // The change feed held this PATCH as the save started (the form's values as checked differ
    // from its own only by trimming, which writing them does too); diffed here only when the
    // feed was on another baseline. (Read then: checking the form reports its errors to the
    // feed, which would diff the whole form again.)
    const started = submitted.current;
    submitted.current = null;
    const patch = started !== null && started.baseline === baseline ? started.patch : buildAgentPatch(baseline, values);
    if (Object.keys(patch).length === 0) return;
    // Removing a variable the description still uses leaves its {{placeholder}} unfilled: ask first.
    const usedButRemoved = removedVariablesInUse(
      (baseline.dynamic_variables ?? []).map((v) => v.name),
      values.dynamic_variables.map((v) => v.name),
      values.description,
    );
    if (usedButRemoved.length > 0) {
      inFlight.current = true; // a second Save while the question is open does nothing
      const go = await confirmRemovingUsedVariables(usedButRemoved).finally(() => (inFlight.current = false));
      if (!go) return;
    }
    setFailure(null);
    inFlight.current = true;
    setChecking(true);
    try {
      const outcome = await sendOntoLatest(baseline, values, {
        // The read before the PATCH has the save's Cancel and timeout too.
        readLatest: () => readLatestAgent(baseline.id, interruption.signal(), baseline),
        patch,
        send: (patch, base, edits) => {
          sending.current = { base, values: edits };
          return mutation.mutateAsync(patch);
        },
        ask: (result, label) => {
          // Behind the dialog (and after Cancel) the page shows that a newer version exists.
          queryClient.setQueryData(agentQueries.detail(result.baseline.id).queryKey, result.baseline);
          setChecking(false);
          return askConflicts(result, label).finally(() => setChecking(true));
        },
        confirmLabel: 'Save merged',
        onResolved: onRebase,
      });
      if (outcome.status === 'nothing-left') {
        onRebase(outcome.latest, outcome.values);
        notifications.show({ color: 'blue', title: 'Nothing left to save', message: 'The newer version someone else saved already holds your changes.' });
        return;
      }
      if (outcome.status === 'cancelled') return;
      recordSave({ agentId: outcome.after.id, before: outcome.before, after: outcome.after, sent: outcome.patch, savedAt: Date.now() });
      showSavedNotification({
        changes: describeChanges(outcome.patch),
        theirChanges: outcome.merged?.theirChanges ?? null,
        onUndo: () => void undoLastSave(),
      });
      onSaved(outcome.after);
      const saved = agentToFormValues(outcome.after);
      // The server mostly answers what was sent: then only the defaults move and every input
      // (all 520 variables of a large agent) stays as it is, and react-hook-form's dirty state
      // (which the editor does not read: the change feed says what changed) is not worked out
      // again over the whole form. An answer that differs (a new item's id, a normalised value,
      // a typed secret that must not stay) resets the form to it.
      const same = deepEqual(saved, form.getValues());
      form.reset(saved, same ? { keepValues: true, keepDirty: true } : {});
      // The form now holds the saved agent: nothing differs, without diffing it all again.
      feed.settle(outcome.after);
    } catch (error) {
      showFailure(error);
    } finally {
      inFlight.current = false;
      sending.current = null;
      interruption.finish();
      setChecking(false);
    }
  }

  /** The resolver rejected the form: field errors are already set; surface what no tab shows. */
  function onInvalid(errors: FieldErrors<AgentFormValues>) {
    showErrors(flattenErrors(errors), false);
  }

  /**
   * Validates and saves the current values (the form's submit, Ctrl/Cmd+S, Retry). Only the
   * parts the PATCH sends are checked: an untouched part is not sent, so it cannot block the save.
   */
  const submit = () => {
    const patch = feed.getPatchNow();
    submitted.current = { patch, baseline: feed.getBaseline() };
    void checkingOnly(new Set(Object.keys(patch) as AgentFormKey[]), () => form.handleSubmit(save, onInvalid)());
  };
  useEffect(() => {
    submitRef.current = submit;
  });

  const { apiKey } = useApiKeyState();
  useEffect(() => {
    if (apiKey !== null && retryAfterSignIn.current) {
      retryAfterSignIn.current = false;
      submitRef.current();
    }
  }, [apiKey]);

  return { submit, saving: checking || mutation.isPending || readingBack, checking: readingBack, cancel: interruption.cancel, failure };
}
