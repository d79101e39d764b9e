import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/**
 * Retries what may pass next time (network failures, 5xx), never a 4xx, and never an answer
 * that arrived but did not parse (a 2xx `ApiError`): asking again gets the same answer, so the
 * page says so at once instead of after seconds of skeleton.
 */
export function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 200 && error.status < 500) return false;
  return failureCount < 2;
}

export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
