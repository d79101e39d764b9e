import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createEmulatorHandler } from '../handler';
import type { EmulatorHandler } from '../handler';
import { afterAll, beforeAll } from 'vitest';

export const DEMO_KEY = 'test-demo-key';

export interface RunningEmulator {
  baseUrl: string;
  dataDir: string;
  handler: EmulatorHandler;
  /** fetch with the demo API key and a JSON body. */
  api(pathname: string, init?: { method?: string; body?: unknown; key?: string | null; signal?: AbortSignal }): Promise<Response>;
  /** Stops the server; calling it again does nothing. */
  close(): Promise<void>;
}

/** Starts a real HTTP server around the emulator handler, on a free port. */
export async function startEmulator(dataDir?: string): Promise<RunningEmulator> {
  const dir = dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'cekura-emulator-')));
  const handler = createEmulatorHandler({ dataDir: dir, apiKey: DEMO_KEY });
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    dataDir: dir,
    handler,
    api(pathname, init = {}) {
      const headers: Record<string, string> = {};
      if (init.key !== null) headers['X-CEKURA-API-KEY'] = init.key ?? DEMO_KEY;
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      return fetch(`${baseUrl}${pathname}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
        signal: init.signal,
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** Reads a JSON response body as a plain record. */
export async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

/**
 * One emulator for the whole test file: started before its tests, stopped and deleted after.
 * Returns a getter, since the emulator exists only once `beforeAll` has run.
 */
export function emulatorForThisFile(): () => RunningEmulator {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator();
  });
  afterAll(async () => {
    if (!running) return;
    await running.close();
    await removeDir(running.dataDir);
  });
  return () => {
    if (!running) throw new Error('The emulator starts in beforeAll');
    return running;
  };
}
