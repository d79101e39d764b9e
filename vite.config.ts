import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cekuraEmulator } from './src/emulator/vite-plugin';
import { apiProxy, dashboardSecurity } from './src/server/vite-security';

// Without CEKURA_API_URL the API paths are served by the embedded emulator; with it, they are
// proxied to that API so the browser only ever talks to its own origin.
const apiUrl = process.env.CEKURA_API_URL;
const port = Number(process.env.PORT ?? 5173);
const proxy = apiUrl ? apiProxy(apiUrl) : undefined;

// The dashboard is light only (no colour-scheme setting): Mantine's rules for its dark scheme
// never apply, and are a tenth of the stylesheet a first visit downloads.
const DARK = "[data-mantine-color-scheme='dark']";
const dropDarkScheme = {
  postcssPlugin: 'drop-mantine-dark-scheme',
  Rule(rule: { selectors: string[]; remove: () => void }) {
    if (rule.selectors.every((selector) => selector.replace(/"/g, "'").includes(DARK))) rule.remove();
  },
};

export default defineConfig({
  // dashboardSecurity first: its headers and its refusal of `..` paths come before anything else.
  plugins: [dashboardSecurity(), react(), ...(apiUrl ? [] : [cekuraEmulator()])],
  css: { postcss: { plugins: [dropDarkScheme] } },
  server: { port, strictPort: true, proxy },
  preview: { port, strictPort: true, proxy },
});
