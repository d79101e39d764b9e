// Prints one closing line for the whole `npm test` run from the runners' JSON reports:
// "tests: N passed, N failed" (Vitest's and Playwright's own summaries are printed above it).
import fs from 'node:fs';

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
const vitest = read('reports/vitest.json');
const playwright = (report) =>
  report
    ? { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped }
    : null;

const unit = vitest
  ? { passed: vitest.numPassedTests, failed: vitest.numFailedTests, skipped: vitest.numPendingTests + vitest.numTodoTests }
  : null;
const e2e = playwright(read('reports/playwright.json'));
// The production build behind nginx (e2e/playwright.nginx.config.ts).
const nginx = playwright(read('reports/playwright-nginx.json'));

const runs = [
  ['unit and component (Vitest)', unit],
  ['end-to-end (Playwright)', e2e],
  ['end-to-end behind nginx (Playwright)', nginx],
];
for (const [name, r] of runs) {
  console.log(r ? `${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped` : `${name}: no report`);
}
const passed = runs.reduce((sum, [, r]) => sum + (r?.passed ?? 0), 0);
const failed = runs.reduce((sum, [, r]) => sum + (r?.failed ?? 0), 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && runs.every(([, r]) => r) && passed > 0 ? 0 : 1);
