import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, defineConfig, devices } from '@playwright/test';
import type { LaunchOptions } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// E2E_PORT lets two checkouts run their suites side by side: worker N's server listens on
// E2E_PORT + N (app-servers.ts).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://localhost:${PORT}`;
// Two workers by default, each with its own server and emulator: the suite waits on the network
// and on the UI often enough that a second worker fills the gaps, even on a busy 2-core machine.
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);

// Quiet, sandbox-free Chromium: without the network flags it floods a closed network with retries.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The system Chromium when there is one (CHROMIUM_PATH or Debian's), else Playwright's own. */
function launchOptions(): LaunchOptions {
  const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(systemChromium)) return { executablePath: systemChromium, args: CHROMIUM_ARGS };
  let bundled: string;
  try {
    bundled = chromium.executablePath(); // where `npx playwright install chromium` puts it
  } catch {
    bundled = '';
  }
  if (bundled === '' || !fs.existsSync(bundled)) {
    throw new Error(
      `No Chromium found at ${systemChromium} and Playwright's own browser is not installed. ` +
        'Install one: `apt-get install chromium` (or set CHROMIUM_PATH), or `npx playwright install chromium`.',
    );
  }
  return { args: CHROMIUM_ARGS };
}

/** The specs the phone project runs (and the desktop one skips). */
const PHONE_SPECS = /phone\.spec\.ts$/;

export default defineConfig({
  testDir: 'specs',
  outputDir: path.join(root, 'test-results'),
  // Tests, not files, are spread over the workers: every test starts from the seed data
  // (fixtures.ts) and none depends on another, so the long a11y sweep splits too.
  fullyParallel: true,
  workers: WORKERS,
  globalSetup: './app-servers.ts',
  retries: 0,
  // The JSON report feeds the closing "tests: N passed, N failed" line of `npm test`.
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(root, 'reports/playwright.json') }],
    ...(process.env.CI ? [['html', { open: 'never', outputFolder: path.join(root, 'playwright-report') }] as const] : []),
  ],
  // Generous: a loaded 2-core machine is slow, not broken. Specs wait for conditions.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: PHONE_SPECS,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 }, launchOptions: launchOptions() },
    },
    {
      // A 390×844 phone: only the phone specs, so the suite does not run twice.
      name: 'phone',
      testMatch: PHONE_SPECS,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        launchOptions: launchOptions(),
      },
    },
  ],
});
