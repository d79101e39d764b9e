// `npm test`: typecheck and lint, then Vitest, then Playwright (plain, then behind nginx), every
// step run even when an earlier one fails, then one closing line, "tests: N passed, N failed",
// whatever happened.
// A failed typecheck or lint counts as one failed test each. Under CI, a skipped test is a
// failure too: CI has everything a test needs (e.g. Cekura's OpenAPI document beside the repo).
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const REPORTS = { vitest: 'reports/vitest.json', playwright: 'reports/playwright.json', nginx: 'reports/playwright-nginx.json' };
for (const file of Object.values(REPORTS)) fs.rmSync(file, { force: true });

// Steps in one group run side by side (the typecheck and the lint each keep one core busy for
// under a minute); groups run one after the other. The nginx run serves the build the first
// end-to-end run made.
const groups = [
  [
    ['typecheck', 'npm run typecheck'],
    ['lint', 'npm run lint'],
  ],
  [['unit and component (Vitest)', 'npm run test:unit']],
  [['end-to-end (Playwright)', 'npm run test:e2e']],
  [['end-to-end behind nginx (Playwright)', 'E2E_SKIP_BUILD=1 npm run test:e2e:nginx']],
];

/** Runs a command; alone, its output streams; beside others, it is printed whole when it ends. */
function run(name, command, { alone }) {
  console.log(`\n▶ ${name}: ${command}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      if (!alone) {
        console.log(`\n── ${name} ──`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`◀ ${name}: exit ${code ?? signal} after ${Math.round((Date.now() - started) / 1000)} s`);
      resolve(code ?? 1);
    });
  });
}

const exitCodes = new Map();
for (const group of groups) {
  const codes = await Promise.all(group.map(([name, command]) => run(name, command, { alone: group.length === 1 })));
  group.forEach(([name], index) => exitCodes.set(name, codes[index]));
}

const read = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/** Vitest's JSON report (Jest's shape): counts and the names of skipped tests. */
function vitestCounts(report) {
  if (!report) return null;
  const skipped = report.testResults.flatMap((file) =>
    file.assertionResults.filter((t) => t.status === 'skipped' || t.status === 'pending' || t.status === 'todo').map((t) => t.fullName),
  );
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped };
}

/** Playwright's JSON report: counts and the names of skipped tests. */
function playwrightCounts(report) {
  if (!report) return null;
  const skipped = [];
  const walk = (suite, prefix) => {
    for (const spec of suite.specs ?? []) {
      if (spec.tests.every((t) => t.status === 'skipped')) skipped.push(`${prefix}${spec.title}`);
    }
    for (const child of suite.suites ?? []) walk(child, `${prefix}${child.title} › `);
  };
  for (const suite of report.suites ?? []) walk(suite, `${suite.title} › `);
  return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped };
}

const runners = [
  ['unit and component (Vitest)', vitestCounts(read(REPORTS.vitest))],
  ['end-to-end (Playwright)', playwrightCounts(read(REPORTS.playwright))],
  ['end-to-end behind nginx (Playwright)', playwrightCounts(read(REPORTS.nginx))],
];

let passed = 0;
let failed = 0;
for (const name of ['typecheck', 'lint']) {
  if (exitCodes.get(name) !== 0) {
    console.log(`${name}: failed`);
    failed += 1;
  }
}
for (const [name, counts] of runners) {
  if (!counts) {
    console.log(`${name}: no report (the runner did not finish)`);
    failed += 1;
    continue;
  }
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped.length} skipped`);
  for (const title of counts.skipped) console.log(`  skipped: ${title}`);
  passed += counts.passed;
  failed += counts.failed;
  // A runner that failed without a failed test (a crash, a config error) is still a failure.
  if (counts.failed === 0 && exitCodes.get(name) !== 0) failed += 1;
  if (process.env.CI && counts.skipped.length > 0) {
    console.log(`${name}: ${counts.skipped.length} test(s) skipped under CI, where nothing may be skipped`);
    failed += counts.skipped.length;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
