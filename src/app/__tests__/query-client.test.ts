import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { shouldRetry } from '../query-client';

describe('query retry policy', () => {
  it('retries network failures and 5xx twice', () => {
    expect(shouldRetry(0, new ApiError(0, 'offline'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'down'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'down'))).toBe(false);
  });

  it('never retries a 4xx, nor an answer that arrived but did not parse', () => {
    expect(shouldRetry(0, new ApiError(404, 'Not found'))).toBe(false);
    expect(shouldRetry(0, new ApiError(200, 'The Cekura API sent an answer this dashboard does not understand'))).toBe(false);
  });
});
