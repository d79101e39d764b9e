import { useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { AgentFormValues } from '../../agent/form-schema';
import type { AgentChangeFeed } from './change-feed';
import { clearDraft, loadDraft, saveDraft, stripForDraft } from './draft-storage';

const SAVE_DELAY_MS = 400;
/** Runs `write` when the browser is idle (within 2 s), so a pause's draft write does not meet the next key. */
const whenIdle = (write: () => void) => (typeof requestIdleCallback === 'function' ? void requestIdleCallback(write, { timeout: 2000 }) : write());

/**
 * Keeps the form's unsaved edits across a reload: written (without secrets) shortly after the
 * change feed reports a new PATCH, restored when the same version of the agent opens again,
 * removed once nothing differs.
 */
export function useDraftPersistence(form: UseFormReturn<AgentFormValues>, feed: AgentChangeFeed) {
  const baseline = feed.getBaseline();
  // A draft is restored only onto the very version of the agent it was made on.
  const [draft] = useState(() => {
    const saved = loadDraft(baseline.id, baseline);
    if (saved && saved.baseUpdatedAt !== (baseline.updated_at ?? null)) clearDraft(baseline.id);
    return saved?.baseUpdatedAt === (baseline.updated_at ?? null) ? saved : null;
  });
  const [dismissed, setDismissed] = useState(false);
  /** Set when the user discards: no pending or later write may bring the draft back. */
  const discarded = useRef(false);

  useEffect(() => {
    if (draft) form.reset(draft.values, { keepDefaultValues: true });
  }, [draft, form]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      timer = undefined;
      if (discarded.current) return;
      const current = feed.getBaseline();
      if (Object.keys(feed.getPatch()).length === 0) {
        clearDraft(current.id);
        return;
      }
      const stripped = stripForDraft(form.getValues());
      saveDraft({ agentId: current.id, baseUpdatedAt: current.updated_at ?? null, ...stripped });
    };
    const unsubscribe = feed.subscribe(() => {
      discarded.current = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => whenIdle(() => timer !== undefined && write()), SAVE_DELAY_MS);
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
  }, [feed, form]);

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
