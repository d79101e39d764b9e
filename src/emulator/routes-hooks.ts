import type { FaultRegistry } from './faults';
import { readJsonBody, sendJson } from './http';
import type { Route } from './router';

/** Test hooks under /__emulator/ (no API key): reset the state, inject faults. */
export const HOOKS_PATH_PREFIX = '/__emulator/';

export function hookRoutes(faults: FaultRegistry): readonly Route[] {
  return [
    {
      path: /^\/__emulator\/reset\/?$/,
      methods: {
        POST: (ctx) => {
          faults.clear();
          const state = ctx.store.reset();
          sendJson(ctx.res, 200, { detail: 'Emulator state reset.', agents: state.agents.length });
        },
      },
    },
    {
      path: /^\/__emulator\/faults\/?$/,
      methods: {
        GET: (ctx) => sendJson(ctx.res, 200, { faults: faults.list() }),
        POST: async (ctx) => {
          const fault = faults.add(await readJsonBody(ctx.req));
          sendJson(ctx.res, 201, { fault, faults: faults.list() });
        },
        DELETE: (ctx) => {
          faults.clear();
          sendJson(ctx.res, 200, { faults: [] });
        },
      },
    },
  ];
}
