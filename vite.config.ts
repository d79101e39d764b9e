import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { MANTINE_PALETTES, USED_PALETTES } from './src/app/palettes';
import { cekuraEmulator } from './src/emulator/vite-plugin';
import { apiProxy, dashboardSecurity } from './src/server/vite-security';

// Without CEKURA_API_URL the API paths are served by the embedded emulator; with it, they are
// proxied to that API so the browser only ever talks to its own origin.
const apiUrl = process.env.CEKURA_API_URL;
const port = Number(process.env.PORT ?? 5173);
const proxy = apiUrl ? apiProxy(apiUrl) : undefined;

// Mantine's stylesheet declares CSS variables for all 14 palettes; the dashboard uses a few
// (src/app/palettes.ts). The others' variables go, and nothing else.
const unused = MANTINE_PALETTES.filter((name) => !(USED_PALETTES as readonly string[]).includes(name));
const UNUSED_PALETTE_VARIABLE = new RegExp(`^--mantine-color-(${unused.join('|')})-`);
const dropUnusedPalettes = {
  postcssPlugin: 'drop-unused-mantine-palettes',
  Declaration(declaration: { prop: string; remove: () => void }) {
    if (UNUSED_PALETTE_VARIABLE.test(declaration.prop)) declaration.remove();
  },
};

export default defineConfig({
  // dashboardSecurity first: its headers and its refusal of `..` paths come before anything else.
  plugins: [dashboardSecurity(), react(), ...(apiUrl ? [] : [cekuraEmulator()])],
  css: { postcss: { plugins: [dropUnusedPalettes] } },
  build: {
    // Everything a first visit runs in one file (the entry and what it imports statically),
    // instead of the entry plus three shared chunks: one gzip stream compresses better (~5 KB
    // less to download) and the browser makes one request; the lazy chunks import from it.
    // Hence the entry's 530 KB (165 KB gzipped) above the default warning limit.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'first-visit', tags: ['$initial'] }] },
      },
    },
  },
  server: { port, strictPort: true, proxy },
  preview: { port, strictPort: true, proxy },
});
