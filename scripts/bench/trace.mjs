/**
 * Main-thread work from a Chromium trace (CDP `Tracing`, devtools.timeline): the renderer's
 * main thread and the union of its tasks (`RunTask`), so every task counts, however short, and
 * a nested task is not counted twice.
 */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

export async function startTrace(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

/** Marks a point in the trace (a `TimeStamp` event carrying `label`). */
export function mark(page, label) {
  return page.evaluate((l) => console.timeStamp(l), label);
}

/** The renderer main thread that did the most work, and its merged task intervals (µs). */
export function mainThreadTasks(events) {
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push([e.ts, e.ts + e.dur]);
  }
  let best = [];
  let bestKey = null;
  let bestBusy = -1;
  for (const [key, intervals] of byThread) {
    const merged = merge(intervals);
    const busy = merged.reduce((s, [a, b]) => s + b - a, 0);
    if (busy > bestBusy) [best, bestKey, bestBusy] = [merged, key, busy];
  }
  const marks = new Map();
  for (const e of events) {
    if (e.name === 'TimeStamp' && e.args?.data?.message && `${e.pid}:${e.tid}` === bestKey) marks.set(e.args.data.message, e.ts);
  }
  return { tasks: best, marks };
}

function merge(intervals) {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Milliseconds of main-thread work between two trace times (µs), tasks clipped to the window. */
export function busyBetween(tasks, from, to) {
  let sum = 0;
  for (const [a, b] of tasks) sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return sum / 1000;
}

/** The longest task (ms) that overlaps the window. */
export function longestBetween(tasks, from, to) {
  let longest = 0;
  for (const [a, b] of tasks) if (b > from && a < to) longest = Math.max(longest, b - a);
  return longest / 1000;
}
