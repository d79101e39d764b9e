import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    setupFiles: ['src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Generous limits: on a loaded 2-core machine a lazy route or a 1,000-run property can take
    // seconds. Tests wait for conditions; these only stop a test that truly hangs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
