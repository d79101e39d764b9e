import { sendJson } from './http';
import type { Route } from './router';

export const projectRoutes: readonly Route[] = [
  { path: /^\/user\/v1\/projects\/$/, methods: { GET: (ctx) => sendJson(ctx.res, 200, ctx.store.state.projects) } },
];
