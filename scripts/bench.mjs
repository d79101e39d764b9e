// Performance budgets, measured in real Chromium against the production build (`npm run bench`).
// Budgets are ratios and sizes, not times: the machine's noise would make a time meaningless.
//   1. Initial JavaScript for /agents ≤ 200 KB gzipped; the editor is its own chunk.
//   2. Keystroke latency in a variable's description on the large agent within 1.5× of the
//      same on a small agent (Event Timing API, median of ≥ 20 keystrokes).
// Results are printed and written to bench-results/bench.json; the exit code says pass or fail.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundle } from './bench/bundle.mjs';
import { launchBrowser, signIn, waitForServer } from './bench/browser.mjs';
import { measureKeystrokes } from './bench/keystrokes.mjs';
import { measureKnowledgeBase } from './bench/knowledge-base.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4175);
const BASE = `http://localhost:${PORT}`;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 30);

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

const results = { date: new Date().toISOString(), budgets: [] };
function budget(name, value, limit, unit) {
  const pass = value <= limit;
  results.budgets.push({ name, value, limit, unit, pass });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${value}${unit} (budget ≤ ${limit}${unit})`);
}

if (!process.argv.includes('--no-build')) await run('npm', ['run', 'build']);

const bundle = measureBundle(path.join(root, 'dist'));
results.bundle = bundle;
console.log(`Initial JS for /agents: ${bundle.initialKb} KB gzipped in ${bundle.initialFiles.length} file(s); editor chunk ${bundle.editorKb} KB gzipped`);
budget('initial JS for /agents (gzip)', bundle.initialKb, 200, ' KB');
budget('editor loads as its own chunk (files shared with /agents)', bundle.editorInInitial ? 1 : 0, 0, '');

fs.rmSync(path.join(root, '.data/bench'), { recursive: true, force: true });
const server = spawn(path.join(root, 'node_modules/.bin/vite'), ['preview', '--port', String(PORT), '--strictPort'], {
  cwd: root,
  env: { ...process.env, EMULATOR_DATA_DIR: '.data/bench', PORT: String(PORT) },
  stdio: 'ignore',
});
try {
  await waitForServer(BASE);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${BASE}/agents`);
    await signIn(page);

    const keys = await measureKeystrokes(page, BASE, KEYSTROKES);
    results.keystrokes = keys;
    for (const [label, m] of Object.entries(keys.agents)) {
      console.log(`${label} agent (#${m.id}, ${m.variables} variables, ${m.tools} tools): latency median ${m.latencyMedian.toFixed(2)} ms (input delay ${m.inputDelayMedian.toFixed(2)} + processing ${m.processingMedian.toFixed(2)}) over ${m.samples} keystrokes; Event Timing entries ≥ 16 ms: ${m.eventTimingEntries}`);
    }
    budget('keystroke latency, large / small agent (median)', keys.ratio, 1.5, '×');

    if (!process.argv.includes('--no-kb')) {
      const kb = await measureKnowledgeBase(page, BASE);
      if (kb) {
        results.knowledgeBase = kb;
        console.log(`50 MB file: read + encode ${kb.encodeSeconds.toFixed(2)} s (${kb.throughputMBps.toFixed(1)} MB/s); longest main-thread task ${kb.longestTaskMs} ms; PATCH body ${kb.bodyMB.toFixed(1)} MB for ${kb.fileMB} MB (${kb.overheadPct.toFixed(1)}% overhead)`);
        budget('longest main-thread task while a 50 MB file is read', kb.longestTaskMs, 100, ' ms');
        if (kb.dropRatio !== undefined) budget('keystroke latency after dropping 20 files / before', kb.dropRatio, 1.5, '×');
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}

fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results/bench.json'), JSON.stringify(results, null, 2));
const failed = results.budgets.filter((b) => !b.pass).length;
console.log(`bench: ${results.budgets.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
