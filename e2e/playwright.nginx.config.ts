import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The production build behind the host's nginx (deploy/nginx/default.conf.template) and the
// standalone emulator, both started by global-setup.ts on free ports:
//   npx playwright test --config e2e/playwright.nginx.config.ts
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  ...base,
  testDir: 'nginx',
  globalSetup: './nginx/global-setup.ts',
  // One nginx and one emulator: the specs take turns.
  workers: 1,
  use: { ...base.use, baseURL: undefined },
  reporter: [
    ['list'],
    // Counted in the closing "tests: N passed, N failed" line of `npm test`.
    ['json', { outputFile: path.join(root, 'reports/playwright-nginx.json') }],
  ],
});
