import { storedAgentToResponse } from '../agent/apply-agent-patch';
import { isPlainObject } from '../agent/deep-equal';
import { updateAgent } from './agent-ops';
import type { FaultRegistry } from './faults';
import { COLLEAGUE_USER, historyUserFrom } from './history';
import { expectObjectBody, HttpError, readJsonBody, sendJson } from './http';
import type { RequestContext, Route } from './router';
import type { HistoryUser } from './state';

/** Test hooks under /__emulator/ (no API key): reset the state, inject faults, save as someone else. */
export const HOOKS_PATH_PREFIX = '/__emulator/';

/** `user` of `patch-as`: absent → the colleague, null → no user, else `{id?, name?, email?}`. */
function patchAsUser(raw: unknown): HistoryUser | null {
  if (raw === undefined) return COLLEAGUE_USER;
  if (raw === null) return null;
  const ok =
    isPlainObject(raw) &&
    (raw.id === undefined || (typeof raw.id === 'number' && Number.isInteger(raw.id))) &&
    (raw.name === undefined || typeof raw.name === 'string') &&
    (raw.email === undefined || typeof raw.email === 'string');
  if (!ok) throw new HttpError(400, { user: ['Must be null or {id?: integer, name?: string, email?: string}.'] });
  return historyUserFrom(raw);
}

/** A PATCH by another user (a colleague saving between a test's load and save), recorded as theirs. */
async function patchAs(ctx: RequestContext): Promise<void> {
  const input = expectObjectBody(await readJsonBody(ctx.req));
  const user = patchAsUser(input.user);
  if (!isPlainObject(input.body)) throw new HttpError(400, { body: ['Must be the PATCH body (an object).'] });
  const agent = ctx.store.findAgent(Number(ctx.params[0]));
  if (!agent) throw new HttpError(404, { detail: 'Not found.' });
  sendJson(ctx.res, 200, storedAgentToResponse(updateAgent(ctx.store, agent, input.body, user)));
}

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
    { path: /^\/__emulator\/agents\/(\d+)\/patch-as\/?$/, methods: { POST: patchAs } },
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
