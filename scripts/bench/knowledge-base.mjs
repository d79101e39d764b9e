import { agentIdByName, median } from './browser.mjs';
import { ensureSignedIn } from './editor-work.mjs';
import { instrument } from './keystrokes.mjs';

/**
 * Knowledge-base budgets (issue 4), in the editor's Knowledge base tab of a small agent:
 *   - a 50 MB file dropped and read: the longest main-thread task (Long Tasks API, which reports
 *     tasks of 50 ms and more, so 0 means none that long), the read + encode throughput, and the
 *     PATCH body it makes (sent to the emulator when the save path uploads; else computed);
 *   - keystroke latency in the General tab after dropping 20 small files, over the same before.
 */

const DROPZONE = 'Drop knowledge-base files here or browse';
const FILE_BYTES = 50 * 1024 * 1024;
const KEYSTROKES = 30;
// 9 runs by default (at least 5): the "none ≥ 50 ms in 5 of 5 runs" is then checked in
// all 9, and the ratio's median moves less with the machine's noise (the plain read alone spans
// 32–69 ms between runs).
const RUNS = Math.max(5, Number(process.env.BENCH_KB_RUNS ?? 9));

/**
 * In the page: records long tasks from now on and a copy of each Blob body sent over XHR, and
 * installs `drop(files)` (dragenter, dragover, drop with one DataTransfer, as a user's drop) and
 * `whenReady(count)` (performance.now() once `count` rows of "Files to upload" say "To upload").
 */
function installHelpers(zoneLabel) {
  const bench = { longTasks: [], blobBodies: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    if (args[0] instanceof Blob) bench.blobBodies.push(args[0]);
    return send.apply(this, args);
  };
  bench.drop = (files) => {
    const zone = document.querySelector(`[aria-label="${zoneLabel}"]`);
    const dataTransfer = new DataTransfer();
    for (const file of files) dataTransfer.items.add(file);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
    }
  };
  // Checked on each DOM change (a MutationObserver), not polled each frame: a requestAnimationFrame
  // loop makes the page render every frame, work that competes with the encode workers for the
  // cores, and it sees the row up to a frame late.
  bench.whenReady = (count) =>
    new Promise((resolve) => {
      let progressSeen = false;
      const check = () => {
        if (document.querySelector('[role="progressbar"][aria-label^="Reading "]')) progressSeen = true;
        const rows = [...document.querySelectorAll('table[aria-label="Files to upload"] tbody tr')];
        if (rows.filter((row) => row.textContent.includes('To upload')).length < count) return false;
        observer.disconnect();
        resolve({ at: performance.now(), progressSeen });
        return true;
      };
      const observer = new MutationObserver(check);
      if (!check()) observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  window.__kbBench = bench;
}

async function openTab(page, base, agentId, section) {
  await page.goto(`${base}/agents/${agentId}/${section}`);
  await ensureSignedIn(page);
  await page.getByRole('tab', { name: 'Knowledge base' }).waitFor();
}

async function measureLargeFile(page, base, agent) {
  await openTab(page, base, agent.id, 'knowledge-base');
  await page.getByRole('button', { name: DROPZONE }).waitFor();
  await page.evaluate(installHelpers, DROPZONE);

  // Make the 50 MB file first, from 1 MB random parts (no 50 MB array left for the page's GC), then measure.
  await page.evaluate((bytes) => {
    const parts = [];
    for (let i = 0; i < bytes; i += 1024 * 1024) {
      const part = new Uint8Array(Math.min(1024 * 1024, bytes - i));
      for (let j = 0; j < part.length; j += 65_536) crypto.getRandomValues(part.subarray(j, j + 65_536));
      parts.push(part);
    }
    window.__kbBenchFile = new File(parts, 'bench-50mb.pdf', { type: 'application/pdf' });
  }, FILE_BYTES);
  await page.waitForTimeout(500);

  // RUNS runs: the plain read of the same file (`arrayBuffer()`), then a drop until the row says
  // "To upload", with the long tasks of each; Discard removes the file before the next run.
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const readMs = await page.evaluate(async () => {
      const start = performance.now();
      await window.__kbBenchFile.arrayBuffer();
      return performance.now() - start;
    });
    await page.waitForTimeout(300);
    const run = await page.evaluate(async () => {
      const start = performance.mark('kb-bench:drop').startTime;
      const ready = window.__kbBench.whenReady(1);
      window.__kbBench.drop([window.__kbBenchFile]);
      const { at, progressSeen } = await ready;
      return { start, end: at, progressSeen };
    });
    await page.waitForTimeout(300);
    const tasks = await page.evaluate((start) => window.__kbBench.longTasks.filter((t) => t.start + t.duration >= start), run.start);
    runs.push({ readMs, encodeMs: run.end - run.start, progressSeen: run.progressSeen, longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))), longTasks: tasks.map((t) => ({ atMs: Math.round(t.start - run.start), durationMs: Math.round(t.duration) })) });
    if (i < RUNS - 1) {
      await discardChanges(page);
    }
  }

  // Save: the body goes to the emulator when the save path uploads the files.
  const baseline = await page.evaluate(() => window.__kbBench.longTasks.length);
  const response = page.waitForResponse((r) => r.request().method() === 'PATCH', { timeout: 180_000 });
  await page.getByRole('button', { name: 'Save changes' }).click();
  const status = (await response).status();
  const sent = await page.evaluate(() => window.__kbBench.blobBodies.map((b) => b.size));
  const saveTasks = await page.evaluate((from) => window.__kbBench.longTasks.slice(from), baseline);
  const keptIds = (agent.knowledge_base_files ?? []).map((f) => `{"id":${f.id}}`).join(',');
  const computed = `{"knowledge_base_files":[${keptIds},{"file_name":"bench-50mb.pdf","content_base64":""}]}`.length + Math.ceil(FILE_BYTES / 3) * 4;
  const bodyBytes = status === 200 && sent.length > 0 ? sent[sent.length - 1] : computed;

  const encodeMs = median(runs.map((r) => r.encodeMs));
  const readMs = median(runs.map((r) => r.readMs));
  const encodeSeconds = encodeMs / 1000;
  return {
    runs,
    encodeSeconds,
    readSeconds: readMs / 1000,
    encodeOverRead: Math.round((encodeMs / readMs) * 100) / 100,
    throughputMBps: FILE_BYTES / 1024 / 1024 / encodeSeconds,
    longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    runsWithLongTask: runs.filter((r) => r.longestTaskMs >= 50).length,
    readingProgressShown: runs.every((r) => r.progressSeen),
    fileMB: FILE_BYTES / 1024 / 1024,
    bodyMB: bodyBytes / 1024 / 1024,
    overheadPct: (bodyBytes / FILE_BYTES - 1) * 100,
    bodyMeasuredFrom: status === 200 && sent.length > 0 ? 'request sent to the emulator' : `computed (save answered ${status})`,
    saveLongestTaskMs: Math.round(Math.max(0, ...saveTasks.map((t) => t.duration))),
  };
}

async function typeInDescription(page) {
  await page.getByRole('tab', { name: 'General' }).click();
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.click();
  await description.press('End');
  await page.keyboard.type('warm', { delay: 30 });
  await page.evaluate(() => { window.__keystrokes.samples.length = 0; });
  await page.keyboard.type('x'.repeat(KEYSTROKES), { delay: 40 });
  await page.waitForTimeout(300);
  return median(await page.evaluate(() => window.__keystrokes.samples.map((s) => s.inputDelay + s.processing)));
}

async function measureDropResponsiveness(page, base, agent) {
  await openTab(page, base, agent.id, 'general');
  await page.evaluate(instrument);
  const before = await typeInDescription(page);

  await page.getByRole('tab', { name: 'Knowledge base' }).click();
  await page.getByRole('button', { name: DROPZONE }).waitFor();
  await page.evaluate(installHelpers, DROPZONE);
  await page.evaluate(() => {
    const files = Array.from({ length: 20 }, (_, i) => new File([`# Note ${i}\n\n${'Lorem ipsum dolor sit amet. '.repeat(40 + i)}`], `bench-note-${i}.md`, { type: 'text/markdown' }));
    const ready = window.__kbBench.whenReady(20);
    window.__kbBench.drop(files);
    return ready;
  });
  const after = await typeInDescription(page);
  // Leave nothing behind for whatever runs next.
  await discardChanges(page);
  return { before, after, ratio: Math.round((after / before) * 100) / 100 };
}

export async function measureKnowledgeBase(page, base) {
  const agent = await agentIdByName(base, process.env.BENCH_SMALL_AGENT ?? 'Acme');
  const large = await measureLargeFile(page, base, agent);
  const drop = await measureDropResponsiveness(page, base, agent);
  return {
    agentId: agent.id,
    ...large,
    keystrokeMedianBeforeDropMs: drop.before,
    keystrokeMedianAfterDropMs: drop.after,
    dropRatio: drop.ratio,
  };
}

/** Discard changes, confirmed (the editor asks first). */
async function discardChanges(page) {
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard', exact: true }).click();
  await page.getByText('No unsaved changes.').waitFor();
}
