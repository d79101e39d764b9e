import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkApiKey } from './auth';
import { FILES_PATH_PREFIX } from './blobs';
import { answerFault, FaultRegistry, holdResponse } from './faults';
import { HttpError, sendJson } from './http';
import type { Middleware } from './http';
import { resolveEmulatorOptions } from './options';
import type { EmulatorOptions, ResolvedEmulatorOptions } from './options';
import { dispatch } from './router';
import type { Route } from './router';
import { agentRoutes } from './routes-agents';
import { fileRoutes } from './routes-files';
import { HOOKS_PATH_PREFIX, hookRoutes } from './routes-hooks';
import { projectRoutes } from './routes-projects';
import { EmulatorStore } from './store';

const API_PATH_PREFIXES = ['/test_framework/', '/user/'];
const API_ROUTES: readonly Route[] = [...agentRoutes, ...projectRoutes];

export type EmulatorHandler = Middleware & {
  readonly options: ResolvedEmulatorOptions;
  readonly store: EmulatorStore;
};

/** Answers an error thrown while handling a request: an HttpError as it says, anything else as a 500. */
function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.end();
  } else if (error instanceof HttpError) {
    sendJson(res, error.status, error.body, error.headers);
  } else {
    console.error('[cekura-emulator]', error);
    sendJson(res, 500, { detail: `Emulator error: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/**
 * The Cekura API emulator as one connect-style handler. Paths it does not own go to `next()`
 * (or get a 404 when mounted alone, as in `http.createServer(handler)`).
 */
export function createEmulatorHandler(options?: EmulatorOptions): EmulatorHandler {
  const resolved = resolveEmulatorOptions(options);
  const store = new EmulatorStore(resolved.dataPath);
  const faults = new FaultRegistry();
  const hooks = hookRoutes(faults);

  async function handle(req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const path = url.pathname;
    const isHook = path.startsWith(HOOKS_PATH_PREFIX);
    const isFile = path.startsWith(FILES_PATH_PREFIX);
    if (!isHook && !isFile && !API_PATH_PREFIXES.some((p) => path.startsWith(p))) {
      if (next) next();
      else sendJson(res, 404, { detail: 'Not found.' });
      return;
    }
    store.refresh();
    const ctx = { req, res, url, store };
    if (isHook) {
      if (!(await dispatch(hooks, ctx))) throw new HttpError(404, { detail: 'Not found.' });
      return;
    }
    const fault = faults.take(req.method ?? 'GET', path);
    const run = async () => {
      if (!isFile) checkApiKey(req, resolved.apiKey);
      if (!(await dispatch(isFile ? fileRoutes : API_ROUTES, ctx))) throw new HttpError(404, { detail: 'Not found.' });
    };
    if (!fault) return run();
    if (!fault.afterApply) {
      await faults.wait(fault);
      if (!answerFault(fault, res)) await run();
      return;
    }
    // Applied now, answered later (or never, as far as the client waiting knows).
    const held = holdResponse(res);
    await run().catch((error: unknown) => sendError(res, error));
    await faults.wait(fault);
    if (fault.status === null) held.send();
    else {
      held.drop();
      answerFault(fault, res);
    }
  }

  const handler: Middleware = (req, res, next) => {
    void handle(req, res, next)
      .catch((error: unknown) => sendError(res, error))
      .finally(() => {
        // Answered before reading the body (401, 404…): discard the rest of it.
        if (!req.readableEnded) req.resume();
      });
  };
  return Object.assign(handler, { options: resolved, store });
}
