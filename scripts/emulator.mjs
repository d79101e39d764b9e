// `npm run emulator`: the Cekura API emulator as a plain Node HTTP server (no Vite server, no app).
// PORT (default 8787), HOST (default 127.0.0.1), EMULATOR_DATA_DIR and CEKURA_DEMO_API_KEY as in
// src/emulator/options.ts. The emulator is TypeScript: Vite's module runner loads it, so no
// TypeScript loader beyond the installed Vite is needed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

const { module } = await runnerImport(path.join(root, 'src/emulator/standalone-server.ts'), {
  root,
  configFile: false,
  logLevel: 'error',
});
const emulator = await module.startStandaloneEmulator({ port, host });
const { apiKey, dataDir } = emulator.handler.options;
console.log(`Cekura API emulator on ${emulator.url} (demo API key ${apiKey}, data in ${dataDir})`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
