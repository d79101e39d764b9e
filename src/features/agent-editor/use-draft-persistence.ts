import { useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import type { AgentFormValues } from '../../agent/form-schema';
import { mergeAgentEdits } from '../../agent/merge-agent-edits';
import type { MergeResult } from '../../agent/merge-agent-edits';
import type { AgentChangeFeed } from './change-feed';
import { clearDraft, loadDraft, saveDraft, stripForDraft } from './draft-storage';
import { catalogueLabelOf } from './merge/field-labels';
import { whenIdle } from '../../utils/when-idle';

const SAVE_DELAY_MS = 400;

interface RestoredDraft {
  values: AgentFormValues;
  droppedFiles: string[];
  /** Set when the draft was made on an older version and merged onto the one loaded. */
  merge: MergeResult | null;
}

/** The draft to restore onto `loaded`: as it is on its own version, merged onto a newer one. */
function restoreDraft(loaded: ApiAgent): RestoredDraft | null {
  const saved = loadDraft(loaded.id, loaded);
  if (saved === null) return null;
  if (saved.baseUpdatedAt === (loaded.updated_at ?? null)) return { values: saved.values, droppedFiles: saved.droppedFiles, merge: null };
  // Someone saved since: merge the edits onto their version (a draft without its base cannot be).
  if (saved.base === undefined) {
    clearDraft(loaded.id);
    return null;
  }
  const merge = mergeAgentEdits(saved.base, saved.values, loaded, { labelOf: catalogueLabelOf });
  return { values: merge.values, droppedFiles: saved.droppedFiles, merge };
}

/**
 * Keeps the form's unsaved edits across a reload: written (without secrets, with the agent they
 * were made on) shortly after the change feed reports a new PATCH, restored when the agent opens
 * again (merged onto a newer version when someone saved since: `merged` holds that merge, whose
 * conflicts the page asks about), removed once nothing differs.
 */
export function useDraftPersistence(form: UseFormReturn<AgentFormValues>, feed: AgentChangeFeed) {
  const baseline = feed.getBaseline();
  const [draft] = useState(() => restoreDraft(baseline));
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
      saveDraft({ agentId: current.id, baseUpdatedAt: current.updated_at ?? null, base: current, ...stripped });
    };
    const unsubscribe = feed.subscribe(() => {
      discarded.current = false;
      if (timer !== undefined) clearTimeout(timer);
      // Written when the browser is idle (within 2 s), so a pause's draft write does not meet the next key.
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
    /** The merge of a draft made on an older version onto the one loaded (`null`: same version, or none). */
    merged: draft?.merge ?? null,
    dismiss: () => setDismissed(true),
    /** Drops the draft for good (Discard changes, Leave and discard). */
    clear: () => {
      discarded.current = true;
      clearDraft(baseline.id);
      setDismissed(true);
    },
  };
}
