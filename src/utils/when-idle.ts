/**
 * Runs `run` once the browser is idle (at the latest after `timeoutMs`), or at once where there
 * is no `requestIdleCallback`; returns what cancels it while it has not run.
 *
 * @example useEffect(() => whenIdle(prepareFileReading), [])
 */
export function whenIdle(run: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback !== 'function') {
    run();
    return () => undefined;
  }
  const id = requestIdleCallback(() => run(), { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}
