import { DEMO_KEY, median, signIn } from './browser.mjs';
import { busyBetween, longestBetween, mainThreadTasks, mark, startTrace } from './trace.mjs';

/**
 * All the main thread's work in the editor, counted from a CDP trace (every task, however
 * short), on agents of different sizes, alternating between them round by round so that the
 * machine's load falls on all alike:
 *   - per keystroke: the tasks from the first key to 800 ms after the last (the diff, renders,
 *     the draft write when typing pauses), less the idle rate measured just before, ÷ keys;
 *   - opening: navigation (a deep link in a signed-in tab) → the Name field usable, and the
 *     longest task on the way;
 *   - saving: Save click → PATCH sent, and click → the save bar says "No unsaved changes".
 */

const KEYS = Number(process.env.BENCH_KEYS_PER_ROUND ?? 20);
const round2 = (n) => Math.round(n * 100) / 100;

export async function ensureSignedIn(page) {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  const key = page.getByLabel('API key');
  await signOut.or(key).first().waitFor();
  if (await key.isVisible()) await signIn(page);
}

async function openSection(page, base, agent, section) {
  await page.goto(`${base}/agents/${agent.id}/${section}`);
  await ensureSignedIn(page);
}

const FIELDS = {
  variable: { section: 'dynamic-variables', locate: (page, agent) => page.getByRole('group', { name: agent.dynamic_variables[0].name, exact: true }).getByLabel('Description') },
  general: { section: 'general', locate: (page) => page.getByRole('textbox', { name: 'Description' }) },
};

async function discard(page) {
  const button = page.getByRole('button', { name: 'Discard changes' });
  if (await button.isEnabled()) {
    await button.click();
    // Discard changes asks first.
    await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard', exact: true }).click();
  }
  await page.getByText('No unsaved changes.').waitFor();
}

/**
 * Types KEYS keys into the focused field under a trace (after an 800 ms idle sample) and returns
 * main-thread ms per keystroke (net of the idle rate), gross, the idle rate and the longest task.
 */
async function tracedTyping(page) {
  const trace = await startTrace(page);
  await mark(page, 'bench:idle');
  await page.waitForTimeout(800);
  await mark(page, 'bench:typing');
  await page.keyboard.type('x'.repeat(KEYS), { delay: 50 });
  await page.waitForTimeout(800);
  await mark(page, 'bench:end');
  const { tasks, marks } = mainThreadTasks(await trace.stop());
  const [idle, typing, end] = ['bench:idle', 'bench:typing', 'bench:end'].map((m) => marks.get(m));
  const idleRate = busyBetween(tasks, idle, typing) / (typing - idle);
  const gross = busyBetween(tasks, typing, end);
  return {
    perKeyMs: (gross - idleRate * (end - typing)) / KEYS,
    grossPerKeyMs: gross / KEYS,
    idleBusyPct: idleRate * 1000 * 100,
    longestTaskMs: longestBetween(tasks, typing, end),
  };
}

/** One round of typing: main-thread ms per keystroke (net of idle), and the longest task. */
async function typingRound(page, base, agent, fieldName) {
  const field = FIELDS[fieldName];
  await openSection(page, base, agent, field.section);
  const input = field.locate(page, agent);
  await input.waitFor();
  await input.click();
  await input.press('End');
  await page.keyboard.type('w', { delay: 50 }); // the first change (save bar, tab mark) is not steady typing
  await page.getByText(/You have unsaved changes/).waitFor();
  await page.waitForTimeout(800);
  const result = await tracedTyping(page);
  await discard(page);
  return result;
}

/**
 * The browser's own share: the same typing (and the same trace arithmetic) in a bare page holding
 * only a `<textarea>` styled as the editor's description (font, size, width, padding, rows), with
 * no app, no React, no listeners. Run with each text (`texts`: label → text), so the difference
 * between a long and a short one there is what Chromium itself adds per keystroke for the length.
 */
export async function measureBareTextarea(page, base, agent, texts, rounds) {
  await openSection(page, base, agent, 'general');
  const input = FIELDS.general.locate(page);
  await input.waitFor();
  const style = await input.evaluate((el) => {
    const cs = getComputedStyle(el);
    const keep = ['font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'width', 'height', 'padding', 'border', 'box-sizing', 'white-space', 'overflow-wrap', 'word-break'];
    return keep.map((p) => `${p}: ${cs.getPropertyValue(p)}`).join('; ');
  });
  await discard(page);
  const bareRound = async (text) => {
    await page.goto('about:blank'); // no app, and none of its headers (its CSP refuses style attributes)
    await page.setContent(`<!doctype html><html lang="en"><body style="margin: 40px"><textarea aria-label="Bare" style="${style.replaceAll('"', "'")}"></textarea></body></html>`);
    const input = page.getByRole('textbox', { name: 'Bare' });
    await input.evaluate((el, value) => { el.value = value; }, text);
    // Where the editor rounds type: the click puts the caret mid-field and End takes it to the end
    // of that line (of the wrapped 100 KB text, near its start, where Chromium lays out the most).
    await input.click();
    await input.press('End');
    await page.keyboard.type('w', { delay: 50 });
    await page.waitForTimeout(800);
    return tracedTyping(page);
  };
  const runs = await alternate(rounds, texts, bareRound);
  return { perKey: summarise(runs, 'perKeyMs') };
}

/** Rounds × agents, alternating the order each round. */
async function alternate(rounds, agents, measure) {
  const out = Object.fromEntries(Object.keys(agents).map((label) => [label, []]));
  for (let r = 0; r < rounds; r++) {
    const labels = Object.keys(agents);
    if (r % 2) labels.reverse();
    for (const label of labels) out[label].push(await measure(agents[label], label));
  }
  return out;
}

function summarise(runs, key) {
  return Object.fromEntries(Object.entries(runs).map(([label, list]) => [label, { median: round2(median(list.map((x) => x[key]))), runs: list.map((x) => round2(x[key])) }]));
}

export async function measureTyping(page, base, agents, fieldName, rounds) {
  await typingRound(page, base, agents.small, fieldName); // warm-up, not counted
  const runs = await alternate(rounds, agents, (agent) => typingRound(page, base, agent, fieldName));
  return { perKey: summarise(runs, 'perKeyMs'), grossPerKey: summarise(runs, 'grossPerKeyMs'), longestTask: summarise(runs, 'longestTaskMs'), idleBusyPct: summarise(runs, 'idleBusyPct') };
}

/** In the page from its first script: long tasks, and when the Name field can take a key. */
function watchOpening() {
  const open = { longTasks: [], usableAt: null, fieldAt: null };
  window.__benchOpen = open;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) open.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    if (document.querySelector('input[name="name"]')) {
      open.fieldAt = performance.now();
      setTimeout(() => { open.usableAt = performance.now(); }, 0);
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

async function openRound(page, base, agent) {
  await page.goto(`${base}/agents/${agent.id}/general`);
  await page.waitForFunction(() => window.__benchOpen?.usableAt !== null && window.__benchOpen?.usableAt !== undefined, undefined, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const open = await page.evaluate(() => window.__benchOpen);
  return { usableMs: open.usableAt, longestTaskMs: Math.max(0, ...open.longTasks) };
}

export async function measureOpening(context, base, agents, rounds) {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/agents`);
    await ensureSignedIn(page); // the key stays in this tab's sessionStorage: deep links open signed in
    await page.addInitScript(watchOpening);
    await openRound(page, base, agents.small);
    const runs = await alternate(rounds, agents, (agent) => openRound(page, base, agent));
    return { usable: summarise(runs, 'usableMs'), longestTask: summarise(runs, 'longestTaskMs') };
  } finally {
    await page.close();
  }
}

/** Appends to the description, then times Save: click → PATCH sent, click → "No unsaved changes." */
async function saveRound(page, base, agent) {
  await openSection(page, base, agent, 'general');
  const input = FIELDS.general.locate(page);
  await input.click();
  await input.press('End');
  await page.keyboard.type('s');
  await page.getByText(/You have unsaved changes/).waitFor();
  await page.waitForTimeout(800);
  const times = await page.evaluate(() => new Promise((resolve, reject) => {
    const status = [...document.querySelectorAll('[aria-live="polite"]')].find((el) => el.textContent.startsWith('You have unsaved changes'));
    const button = [...document.querySelectorAll('button[type="submit"]')].find((b) => b.textContent.includes('Save changes'));
    if (!status || !button) return reject(new Error('no save bar'));
    let sentAt = null;
    const fetch = window.fetch;
    window.fetch = function (input, init) {
      if ((init?.method ?? '').toUpperCase() === 'PATCH' && sentAt === null) sentAt = performance.now();
      return fetch.call(this, input, init);
    };
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, ...rest) {
      if (String(method).toUpperCase() === 'PATCH' && sentAt === null) sentAt = performance.now();
      return open.call(this, method, ...rest);
    };
    const observer = new MutationObserver(() => {
      if (!status.textContent.startsWith('No unsaved changes')) return;
      observer.disconnect();
      setTimeout(() => {
        window.fetch = fetch;
        XMLHttpRequest.prototype.open = open;
        resolve({ sentMs: sentAt - start, settledMs: performance.now() - start });
      }, 0);
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    const start = performance.now();
    button.click();
  }));
  return times;
}

export async function measureSaving(page, base, agents, rounds) {
  await saveRound(page, base, agents.small);
  const runs = await alternate(rounds, agents, (agent) => saveRound(page, base, agent));
  return { sent: summarise(runs, 'sentMs'), settled: summarise(runs, 'settledMs') };
}

/** Gives `agent` a description of `bytes` characters without whitespace (via the API, as a user's save). */
export async function seedLongDescription(base, agent, bytes) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;-_';
  let text = '';
  for (let i = 0; i < bytes; i++) text += alphabet[(i * 7919) % alphabet.length];
  const res = await fetch(`${base}/test_framework/v2/aiagents/${agent.id}/`, {
    method: 'PATCH',
    headers: { 'X-CEKURA-API-KEY': DEMO_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ description: text }),
  });
  if (!res.ok) throw new Error(`Seeding the long description answered ${res.status}`);
  return { ...agent, description: text };
}

export const ratioOf = (summary, over = 'large', under = 'small') => round2(summary[over].median / summary[under].median);
