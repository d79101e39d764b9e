// Prints one closing line for the whole `npm test` run from the runners' JSON reports:
// "tests: N passed, N failed" (Vitest's and Playwright's own summaries are printed above it).
import fs from 'node:fs';

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
const vitest = read('reports/vitest.json');
const playwright = read('reports/playwright.json');

const unit = vitest
  ? { passed: vitest.numPassedTests, failed: vitest.numFailedTests, skipped: vitest.numPendingTests + vitest.numTodoTests }
  : null;
const e2e = playwright
  ? { passed: playwright.stats.expected, failed: playwright.stats.unexpected + playwright.stats.flaky, skipped: playwright.stats.skipped }
  : null;

for (const [name, r] of [['unit and component (Vitest)', unit], ['end-to-end (Playwright)', e2e]]) {
  console.log(r ? `${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped` : `${name}: no report`);
}
const passed = (unit?.passed ?? 0) + (e2e?.passed ?? 0);
const failed = (unit?.failed ?? 0) + (e2e?.failed ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && unit && e2e && passed > 0 ? 0 : 1);
