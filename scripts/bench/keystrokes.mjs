import { agentIdByName, median, signIn } from './browser.mjs';

/**
 * Per keystroke, in the page: input delay (the keydown's creation to its first listener) and
 * processing (first keydown listener to the end of the input event's handlers, React's render
 * included), plus Event Timing entries where Chromium reports them (those ≥ 16 ms).
 */
export function instrument() {
  const samples = [];
  const entries = [];
  let current = null;
  window.addEventListener('keydown', (event) => {
    current = { inputDelay: performance.now() - event.timeStamp, start: performance.now() };
  }, { capture: true });
  window.addEventListener('input', () => {
    if (!current) return;
    samples.push({ inputDelay: current.inputDelay, processing: performance.now() - current.start });
    current = null;
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) entries.push({ name: e.name, duration: e.duration, inputDelay: e.processingStart - e.startTime });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  window.__keystrokes = { samples, entries };
}

async function measureAgent(page, base, agent, count) {
  await page.goto(`${base}/agents/${agent.id}/dynamic-variables`);
  await signIn(page); // the key lives in memory only: a page load asks again
  const description = page.getByRole('group', { name: agent.dynamic_variables[0].name, exact: true }).getByLabel('Description');
  await description.waitFor();
  await page.evaluate(instrument);
  await description.click();
  await description.press('End');
  // Warm up, then measure.
  await page.keyboard.type('warm', { delay: 30 });
  await page.evaluate(() => { window.__keystrokes.samples.length = 0; window.__keystrokes.entries.length = 0; });
  await page.keyboard.type('x'.repeat(count), { delay: 40 });
  await page.waitForTimeout(300);
  const { samples, entries } = await page.evaluate(() => window.__keystrokes);
  const latencies = samples.map((s) => s.inputDelay + s.processing);
  return {
    id: agent.id,
    variables: agent.dynamic_variables.length,
    tools: agent.mock_tools.length,
    samples: samples.length,
    latencyMedian: median(latencies),
    processingMedian: median(samples.map((s) => s.processing)),
    inputDelayMedian: median(samples.map((s) => s.inputDelay)),
    eventTimingEntries: entries.length,
    durationMedian: entries.length ? median(entries.map((e) => e.duration)) : 0,
  };
}

export async function measureKeystrokes(page, base, count) {
  const small = await agentIdByName(base, process.env.BENCH_SMALL_AGENT ?? 'Acme');
  const large = await agentIdByName(base, process.env.BENCH_LARGE_AGENT ?? 'Large');
  const agents = { small: await measureAgent(page, base, small, count), large: await measureAgent(page, base, large, count) };
  const ratio = Math.round((agents.large.latencyMedian / agents.small.latencyMedian) * 100) / 100;
  return { agents, ratio, metric: 'median of input delay + processing per keystroke' };
}
