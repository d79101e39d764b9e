import type { Plugin } from 'vite';
import { createEmulatorHandler } from './handler';
import { keepIdleConnectionsOpen } from './keep-alive';
import type { EmulatorHandler } from './handler';
import type { EmulatorOptions } from './options';

/**
 * Serves the Cekura API emulator from Vite's dev and preview servers (same origin as the app).
 * The handler is created when a server starts, so `vite build` never touches the data folder.
 */
export function cekuraEmulator(options: EmulatorOptions = {}): Plugin {
  let handler: EmulatorHandler | undefined;
  const getHandler = () => (handler ??= createEmulatorHandler(options));

  /** Prints the demo key under Vite's own URLs, once per start. */
  function announce(server: { printUrls: () => void; config: { logger: { info: (msg: string) => void } } }): void {
    const printUrls = server.printUrls.bind(server);
    server.printUrls = () => {
      printUrls();
      const { apiKey, dataDir } = getHandler().options;
      server.config.logger.info(`  ➜  API emulator: demo API key ${apiKey} (data in ${dataDir})`);
    };
  }

  return {
    name: 'cekura-api-emulator',
    configureServer(server) {
      if (server.httpServer && 'keepAliveTimeout' in server.httpServer) keepIdleConnectionsOpen(server.httpServer);
      server.middlewares.use(getHandler());
      announce(server);
    },
    configurePreviewServer(server) {
      if ('keepAliveTimeout' in server.httpServer) keepIdleConnectionsOpen(server.httpServer);
      server.middlewares.use(getHandler());
      announce(server);
    },
  };
}
