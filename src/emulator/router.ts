import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from './http';
import type { EmulatorStore } from './store';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The route pattern's capture groups. */
  params: string[];
  store: EmulatorStore;
}

export type RouteHandler = (ctx: RequestContext) => void | Promise<void>;

export interface Route {
  path: RegExp;
  methods: Readonly<Partial<Record<string, RouteHandler>>>;
}

/** Runs the route matching the path; false when none does. A known path with another method is a 405. */
export async function dispatch(routes: readonly Route[], ctx: Omit<RequestContext, 'params'>): Promise<boolean> {
  for (const route of routes) {
    const match = route.path.exec(ctx.url.pathname);
    if (!match) continue;
    const method = (ctx.req.method ?? 'GET').toUpperCase();
    const handler = route.methods[method];
    const allow = [...Object.keys(route.methods), 'OPTIONS'].join(', ');
    if (method === 'OPTIONS') {
      sendJson(ctx.res, 200, {}, { Allow: allow });
      return true;
    }
    if (!handler) throw new HttpError(405, { detail: `Method "${method}" not allowed.` }, { Allow: allow });
    await handler({ ...ctx, params: match.slice(1) });
    return true;
  }
  return false;
}
