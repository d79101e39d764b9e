import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import type { AgentFormValues } from '../../agent/form-schema';
import type { AgentWrite } from '../../agent/write-types';
import { useStore } from '../../utils/create-store';
import { createAgentChangeFeed } from './change-feed';
import type { AgentChangeFeed } from './change-feed';

const AgentChangesContext = createContext<AgentChangeFeed | null>(null);

/**
 * The editor's change feed for `form`, diffed against `baseline` (kept current as it changes).
 *
 * @example const feed = useAgentChangeFeed(form, baseline); <AgentChangesProvider feed={feed}>…
 */
export function useAgentChangeFeed(form: UseFormReturn<AgentFormValues>, baseline: ApiAgent): AgentChangeFeed {
  const [feed] = useState(() => createAgentChangeFeed(form, baseline));
  useEffect(() => feed.connect(), [feed]);
  useEffect(() => feed.setBaseline(baseline), [feed, baseline]);
  return feed;
}

export function AgentChangesProvider({ feed, children }: { feed: AgentChangeFeed; children: ReactNode }) {
  return <AgentChangesContext value={feed}>{children}</AgentChangesContext>;
}

function useFeed(): AgentChangeFeed {
  const feed = useContext(AgentChangesContext);
  if (!feed) throw new Error('useAgentDiff needs an <AgentChangesProvider> above it');
  return feed;
}

/** The current minimal PATCH (`{}` when nothing differs from the loaded agent). */
export function useAgentDiff(): AgentWrite {
  const feed = useFeed();
  return useStore({ get: feed.getPatch, subscribe: feed.subscribe });
}

/**
 * The part of the current PATCH that `select` picks (a primitive, or a part of the PATCH):
 * re-renders only when that changes, not on every keystroke that changes the PATCH.
 *
 * @example const changed = useAgentDiffSelect((patch) => 'name' in patch);
 */
export function useAgentDiffSelect<S>(select: (patch: AgentWrite) => S): S {
  const feed = useFeed();
  return useStore({ get: feed.getPatch, subscribe: feed.subscribe }, select);
}

const noEdit = () => {};
const noListening = () => noEdit;

/**
 * What an editor input calls after it changed the form at `name`, so the change feed sees the
 * keystroke (see `AgentChangeFeed.edited`). Outside an editor (no feed), nothing.
 */
export function useFormEdited(): (name: string) => void {
  return useContext(AgentChangesContext)?.edited ?? noEdit;
}

/**
 * Subscribes to every edit of the form with the field's name (`undefined`: the whole form);
 * the way to follow a part of the form without a values subscription of one's own.
 */
export function useFormEdits(): AgentChangeFeed['onEdit'] {
  return useContext(AgentChangesContext)?.onEdit ?? noListening;
}

const hasKeys = (patch: AgentWrite) => Object.keys(patch).length > 0;

/** True when the form differs from the loaded agent. */
export function useHasChanges(): boolean {
  return useAgentDiffSelect(hasKeys);
}
