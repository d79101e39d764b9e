import { createStore } from '../../utils/create-store';

/**
 * The agents ticked in the list, across pages and filters, until cleared: kept while the tab
 * lives, so going to the bulk editor and back keeps them. Ids only (they are not secret).
 */
export const agentSelection = createStore<ReadonlySet<number>>(new Set());

/** Ticks (`on`) or unticks the agents `ids`. */
export function selectAgents(ids: readonly number[], on: boolean): void {
  agentSelection.set((current) => {
    const next = new Set(current);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    return next;
  });
}

export function clearAgentSelection(): void {
  agentSelection.set(new Set());
}
