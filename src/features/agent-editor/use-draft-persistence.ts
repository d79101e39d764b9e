import { useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { buildAgentPatch } from '../../agent/build-agent-patch';
import type { AgentFormValues } from '../../agent/form-schema';
import { clearDraft, loadDraft, saveDraft, stripForDraft } from './draft-storage';
import { subscribeToFormChanges } from './form-changes';

const SAVE_DELAY_MS = 400;

/**
 * Keeps the form's unsaved edits across a reload: written (without secrets) shortly after each
 * edit, restored when the same version of the agent opens again, removed once nothing differs.
 */
export function useDraftPersistence(form: UseFormReturn<AgentFormValues>, baseline: ApiAgent) {
  // A draft is restored only onto the very version of the agent it was made on.
  const [draft] = useState(() => {
    const saved = loadDraft(baseline.id);
    if (saved && saved.baseUpdatedAt !== (baseline.updated_at ?? null)) clearDraft(baseline.id);
    return saved?.baseUpdatedAt === (baseline.updated_at ?? null) ? saved : null;
  });
  const [dismissed, setDismissed] = useState(false);
  const baselineRef = useRef(baseline);
  /** Set when the user discards: no pending or later write may bring the draft back. */
  const discarded = useRef(false);
  useEffect(() => {
    baselineRef.current = baseline;
  });

  useEffect(() => {
    if (draft) form.reset(draft.values, { keepDefaultValues: true });
  }, [draft, form]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      timer = undefined;
      if (discarded.current) return;
      const current = baselineRef.current;
      const values = form.getValues();
      if (Object.keys(buildAgentPatch(current, values)).length === 0) {
        clearDraft(current.id);
        return;
      }
      const stripped = stripForDraft(values);
      saveDraft({ agentId: current.id, baseUpdatedAt: current.updated_at ?? null, ...stripped });
    };
    const unsubscribe = subscribeToFormChanges(form.control, () => {
      discarded.current = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(write, SAVE_DELAY_MS);
    });
    const flush = () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        write();
      }
    };
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [form]);

  return {
    restored: draft !== null && !dismissed,
    droppedFiles: draft?.droppedFiles ?? [],
    dismiss: () => setDismissed(true),
    /** Drops the draft for good (Discard changes, Leave and discard). */
    clear: () => {
      discarded.current = true;
      clearDraft(baseline.id);
      setDismissed(true);
    },
  };
}
