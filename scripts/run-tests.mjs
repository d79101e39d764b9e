// `npm test`: typecheck, lint, Vitest, Playwright, one after the other, every step run even when
// an earlier one fails, then one closing line, "tests: N passed, N failed", whatever happened.
// A failed typecheck or lint counts as one failed test each. Under CI, a skipped test is a
// failure too: CI has everything a test needs (e.g. Cekura's OpenAPI document beside the repo).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const REPORTS = { vitest: 'reports/vitest.json', playwright: 'reports/playwright.json', nginx: 'reports/playwright-nginx.json' };
for (const file of Object.values(REPORTS)) fs.rmSync(file, { force: true });

const steps = [
  ['typecheck', 'npm run typecheck'],
  ['lint', 'npm run lint'],
  ['unit and component (Vitest)', 'npm run test:unit'],
  ['end-to-end (Playwright)', 'npm run test:e2e'],
  ['end-to-end behind nginx (Playwright)', 'npm run test:e2e:nginx'],
];
const exitCodes = new Map();
for (const [name, command] of steps) {
  console.log(`\n▶ ${name}: ${command}`);
  const started = Date.now();
  const result = spawnSync(command, { shell: true, stdio: 'inherit' });
  exitCodes.set(name, result.status ?? 1);
  console.log(`◀ ${name}: exit ${result.status ?? result.signal} after ${Math.round((Date.now() - started) / 1000)} s`);
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
