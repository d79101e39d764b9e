import type { Control } from 'react-hook-form';
import type { AgentFormValues } from '../../agent/form-schema';

/**
 * Calls `callback` after any change to the form (an input, a field-array operation, a reset),
 * with no values. `watch(callback)` would do, but it makes react-hook-form deep-clone every
 * value of the form on every keystroke, which a 500-variable agent feels. This listens to the
 * control's own state and array subjects instead: internal to react-hook-form 7, pinned in
 * package.json; the editor's component tests fail if a version stops emitting them.
 */
export function subscribeToFormChanges(control: Control<AgentFormValues>, callback: () => void): () => void {
  const state = control._subjects.state.subscribe({ next: () => callback() });
  const array = control._subjects.array.subscribe({ next: () => callback() });
  return () => {
    state.unsubscribe();
    array.unsubscribe();
  };
}
