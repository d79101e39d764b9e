import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepIdleConnectionsOpen } from './keep-alive';
import { createEmulatorHandler } from './handler';
import type { EmulatorHandler } from './handler';
import type { EmulatorOptions } from './options';

export interface StandaloneEmulator {
  /** `http://host:port`, with the port actually bound (0 picks a free one). */
  readonly url: string;
  readonly port: number;
  readonly handler: EmulatorHandler;
  /** Stops accepting requests, drops open connections and resolves once the port is free. */
  close(): Promise<void>;
}

export interface StandaloneEmulatorOptions extends EmulatorOptions {
  port?: number;
  host?: string;
}

/**
 * The emulator on its own HTTP server (`npm run emulator`): the same handler the Vite plugin
 * mounts, for serving the built app behind nginx against it.
 */
export async function startStandaloneEmulator(options: StandaloneEmulatorOptions = {}): Promise<StandaloneEmulator> {
  const { port = 8787, host = '127.0.0.1', ...emulatorOptions } = options;
  const handler = createEmulatorHandler(emulatorOptions);
  const server = http.createServer(handler);
  // Large knowledge-base saves upload slowly: no request timeout of Node's own.
  server.requestTimeout = 0;
  keepIdleConnectionsOpen(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    handler,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
