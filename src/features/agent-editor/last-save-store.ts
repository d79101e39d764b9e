import type { ApiAgent } from '../../agent/api-schema';
import type { AgentWrite } from '../../agent/write-types';
import { createStore, useStore } from '../../utils/create-store';

/** The editor's last successful save, as undo needs it. */
export interface LastSave {
  agentId: number;
  /** The agent the save's PATCH was built against (as loaded, or the newer version merged onto). */
  before: ApiAgent;
  /** The agent as the save's answer returned it. */
  after: ApiAgent;
  /** The PATCH body sent (its write-only values say what undo cannot put back). */
  sent: AgentWrite;
  /** `Date.now()` when it was saved. */
  savedAt: number;
}

interface LastSaveState {
  save: LastSave | null;
  /** An undo of it is running. */
  undoing: boolean;
}

const store = createStore<LastSaveState>({ save: null, undoing: false });
let undoHandler: (() => Promise<void>) | null = null;

/** Remembers a save (replacing the one before: only the last save can be undone). */
export function recordSave(save: LastSave): void {
  store.set({ save, undoing: false });
}

/** Forgets the last save (it was undone, or can no longer be). */
export function forgetLastSave(): void {
  store.set({ save: null, undoing: false });
}

export function setUndoing(undoing: boolean): void {
  store.set((state) => (state.undoing === undoing ? state : { ...state, undoing }));
}

export function getLastSave(): LastSave | null {
  return store.get().save;
}

/**
 * The last save of agent `agentId` that can still be undone, or `null`; re-renders when it changes.
 *
 * @example const last = useLastSave(agent.id); last && <Button onClick={() => void undoLastSave()}>Undo last save</Button>
 */
export function useLastSave(agentId: number): LastSave | null {
  const save = useStore(store, (state) => state.save);
  return save?.agentId === agentId ? save : null;
}

/** True while an undo runs (disable the Undo buttons). */
export function useUndoingLastSave(): boolean {
  return useStore(store, (state) => state.undoing);
}

/**
 * Undoes the last save through the open editor: asks first when a PATCH cannot put everything
 * back, merges when the agent changed since, and makes the answer the form's baseline. Resolves
 * when done (or cancelled); does nothing when no editor is open or nothing is left to undo.
 */
export function undoLastSave(): Promise<void> {
  return undoHandler === null || store.get().save === null ? Promise.resolve() : undoHandler();
}

/** The open editor runs undo (`use-undo-last-save.ts`); returns the function that unregisters it. */
export function registerUndoHandler(handler: () => Promise<void>): () => void {
  undoHandler = handler;
  return () => {
    if (undoHandler === handler) undoHandler = null;
  };
}
