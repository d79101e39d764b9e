import { afterEach, describe, expect, it, vi } from 'vitest';
import { getApiKey, signInWithApiKey, signOut } from '../../../api/api-key-store';
import { ApiError } from '../../../api/client';
import { describeSaveFailure } from '../save-failure';

afterEach(() => signOut());

describe('describeSaveFailure', () => {
  it('names a 403 as a key without permission, with the server’s detail, and signs in with another key on request', () => {
    signInWithApiKey('key-without-access');
    const onSignInAgain = vi.fn();
    const failure = describeSaveFailure(new ApiError(403, 'You do not have permission to perform this action.'), onSignInAgain);
    expect(failure.title).toBe('This key has no permission for this agent');
    expect(failure.message).toContain('You do not have permission to perform this action');
    expect(failure.message).toContain('Your edits are kept');
    expect(getApiKey()).toBe('key-without-access');
    failure.signInAgain?.();
    expect(onSignInAgain).toHaveBeenCalledOnce();
    expect(getApiKey()).toBeNull();
  });

  it('gives a 429 the time Retry may go, from Retry-After', () => {
    const before = Date.now();
    const failure = describeSaveFailure(new ApiError(429, 'Request was throttled.', null, 12_000), () => undefined);
    expect(failure.title).toBe('Too many requests');
    expect(failure.retryAt).toBeGreaterThanOrEqual(before + 12_000);
    expect(failure.retryAt).toBeLessThanOrEqual(Date.now() + 12_000);
    expect(describeSaveFailure(new ApiError(429, 'Slow down.'), () => undefined).retryAt).toBeUndefined();
  });

  it('offers neither for other failures', () => {
    const failure = describeSaveFailure(new ApiError(500, 'A server error occurred.'), () => undefined);
    expect(failure).toEqual({ title: 'Could not save the agent', message: 'A server error occurred. Your edits are kept.' });
  });
});
