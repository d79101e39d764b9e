import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { ProxyOptions } from 'vite';
import { cekuraEmulator } from './src/emulator/vite-plugin';

// Without CEKURA_API_URL the API paths are served by the embedded emulator; with it, they are
// proxied to that API so the browser only ever talks to its own origin.
const apiUrl = process.env.CEKURA_API_URL;
const port = Number(process.env.PORT ?? 5173);

const proxy: Record<string, ProxyOptions> | undefined = apiUrl
  ? {
      '/test_framework/': { target: apiUrl, changeOrigin: true, secure: true },
      '/user/': { target: apiUrl, changeOrigin: true, secure: true },
    }
  : undefined;

export default defineConfig({
  plugins: [react(), ...(apiUrl ? [] : [cekuraEmulator()])],
  server: { port, strictPort: true, proxy },
  preview: { port, strictPort: true, proxy },
});
