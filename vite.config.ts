import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cekuraEmulator } from './src/emulator/vite-plugin';
import { apiProxy, dashboardSecurity } from './src/server/vite-security';

// Without CEKURA_API_URL the API paths are served by the embedded emulator; with it, they are
// proxied to that API so the browser only ever talks to its own origin.
const apiUrl = process.env.CEKURA_API_URL;
const port = Number(process.env.PORT ?? 5173);
const proxy = apiUrl ? apiProxy(apiUrl) : undefined;

export default defineConfig({
  // dashboardSecurity first: its headers and its refusal of `..` paths come before anything else.
  plugins: [dashboardSecurity(), react(), ...(apiUrl ? [] : [cekuraEmulator()])],
  server: { port, strictPort: true, proxy },
  preview: { port, strictPort: true, proxy },
});
