import { askForAnotherKey } from '../../api/api-key-store';
import { ApiError } from '../../api/client';
import type { SaveFailure } from './use-save-agent';

const sentence = (text: string) => text.replace(/\.$/, '');

/**
 * What the user is told of a save that failed with the edits kept, named for what it is: a 403
 * is a key without access (not an expired session: signing in with it again would loop), a 429
 * says when Retry may go, anything else offers Retry. `onSignInAgain` runs before the sign-in
 * opens (the save retries once another key is accepted).
 */
export function describeSaveFailure(error: Error, onSignInAgain: () => void): SaveFailure {
  if (error instanceof ApiError && error.status === 403) {
    return {
      title: 'This key has no permission for this agent',
      message: `The API said: ${sentence(error.message)}. Your edits are kept; sign in with a key that may edit this agent to save them.`,
      signInAgain: () => {
        onSignInAgain();
        askForAnotherKey();
      },
    };
  }
  if (error instanceof ApiError && error.status === 429) {
    return {
      title: 'Too many requests',
      message: `${sentence(error.message)}. Your edits are kept.`,
      retryAt: error.retryAfterMs === null ? undefined : Date.now() + error.retryAfterMs,
    };
  }
  return { title: 'Could not save the agent', message: `${sentence(error.message)}. Your edits are kept.` };
}
