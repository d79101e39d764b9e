import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../retry-after';

describe('retryAfterMs', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:27:30 GMT');

  it('reads seconds', () => {
    expect(retryAfterMs('12', now)).toBe(12_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until it, never negative', () => {
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
  });

  it('is null when absent or unreadable', () => {
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-3', now)).toBeNull();
    expect(retryAfterMs('1.5', now)).toBeNull();
  });
});
