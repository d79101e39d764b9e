import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two kinds of test, so the suite spends its time on tests, not on setting them up:
// - `*.test.ts`: plain logic (the PATCH engine, the emulator, the servers) in Node, with no DOM
//   and no Testing Library;
// - `*.test.tsx` and `*.dom.test.ts` (storage, XHR): in jsdom, all files of a worker sharing
//   one module graph (`isolate: false`), so React, Mantine and the app are imported once per
//   worker, not once per file. Each test still starts clean: the setup file unmounts what it
//   rendered and clears both storages after each test, and drops the app's own modules (their
//   stores) after each file; every render makes its own QueryClient and form.
export default defineConfig({
  plugins: [react()],
  test: {
    restoreMocks: true,
    // Generous limits: on a loaded 2-core machine a lazy route or a 1,000-run property can take
    // seconds. Tests wait for conditions; these only stop a test that truly hangs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.dom.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          setupFiles: ['src/testing/setup.ts'],
          include: ['src/**/*.test.tsx', 'src/**/*.dom.test.ts'],
          isolate: false,
        },
      },
    ],
  },
});
