import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { FieldErrors, FieldPath, UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { buildAgentPatch } from '../../agent/build-agent-patch';
import { mapDrfErrors } from '../../agent/drf-errors';
import type { FieldError } from '../../agent/drf-errors';
import type { AgentFormValues } from '../../agent/form-schema';
import { agentToFormValues } from '../../agent/mapping';
import { useApiKeyState } from '../../api/api-key-store';
import { ApiError } from '../../api/client';
import { useUpdateAgent } from '../../api/use-update-agent';
import { pendingFileUploads } from './knowledge-base/pending-file-uploads';
import { isAbortError, uploadProgressStore } from './knowledge-base/upload-progress-store';
import { describeChanges } from './describe-changes';
import { sectionOfPath } from './editor-sections';

const SAVE_RESULT_ID = 'agent-save-result';

/** The form-level error shown above the form (`non_field_errors`, errors of fields no tab shows). */
const ROOT_ERROR = 'root.server' as const;

/** A save that failed with the edits kept (not a 400, sign-in, 404 or upload failure): offered again with Retry. */
export interface SaveFailure {
  title: string;
  message: string;
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
 * Submits the form as one minimal PATCH. On success the response becomes the baseline; a 400
 * puts each message at its field (or above the form); other failures keep every edit.
 */
export function useSaveAgent({ form, baseline, onSaved, onShowSection, onGone }: SaveAgentOptions) {
  const mutation = useUpdateAgent(baseline.id, pendingFileUploads);

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

  function save(values: AgentFormValues) {
    if (inFlight.current || mutation.isPending) return; // no double submit
    const patch = buildAgentPatch(baseline, values);
    if (Object.keys(patch).length === 0) return;
    setFailure(null);
    inFlight.current = true;
    mutation.mutate(patch, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: (agent) => {
        // One save result at a time: a new one replaces the last (show ignores an id it already has).
        notifications.hide(SAVE_RESULT_ID);
        notifications.show({ id: SAVE_RESULT_ID, color: 'green', title: 'Changes saved', message: `Updated ${describeChanges(patch)}.` });
        onSaved(agent);
        form.reset(agentToFormValues(agent));
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 400) {
          showErrors(mapDrfErrors(error.body), true);
          return;
        }
        if (error instanceof ApiError && error.isAuthError) {
          // The sign-in modal opens; once a key is accepted, this save runs again.
          retryAfterSignIn.current = true;
          return;
        }
        if (error instanceof ApiError && error.status === 404) {
          onGone();
          return;
        }
        // A failed or cancelled upload of new files has its own alert with Retry upload.
        if (isAbortError(error) || uploadProgressStore.getState().status !== 'idle') return;
        const title = error instanceof ApiError && error.status === 429 ? 'Too many requests' : 'Could not save the agent';
        setFailure({ title, message: `${error.message.replace(/\.$/, '')}. Your edits are kept.` });
      },
    });
  }

  /** The resolver rejected the form: field errors are already set; surface what no tab shows. */
  function onInvalid(errors: FieldErrors<AgentFormValues>) {
    showErrors(flattenErrors(errors), false);
  }

  /** Validates and saves the current values (the form's submit, Ctrl/Cmd+S, Retry). */
  const submit = () => void form.handleSubmit(save, onInvalid)();
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

  return { submit, saving: mutation.isPending, failure };
}
