import type { StoredAgent } from '../agent/apply-agent-patch';
import { storedAgentToResponse } from '../agent/apply-agent-patch';
import { renameVersion, restoreAgent, updateAgent } from './agent-ops';
import { historyOf, historyRecordToResponse } from './history';
import { expectObjectBody, HttpError, readJsonBody, sendJson } from './http';
import { paginate } from './pagination';
import type { RequestContext, Route } from './router';

const BASE = '/test_framework/v2/aiagents/';

function agentOf(ctx: RequestContext): StoredAgent {
  const agent = ctx.store.findAgent(Number(ctx.params[0]));
  if (!agent) throw new HttpError(404, { detail: 'Not found.' });
  return agent;
}

function listAgents(ctx: RequestContext): void {
  const q = (ctx.url.searchParams.get('q') ?? '').trim().toLowerCase();
  const projectId = ctx.url.searchParams.get('project_id') ?? '';
  if (projectId !== '' && !/^\d+$/.test(projectId)) throw new HttpError(400, { project_id: ['Enter a number.'] });
  const byId = /^\d+$/.test(q) ? Number(q) : null;
  const matches = ctx.store.state.agents
    .filter((a) => projectId === '' || a.project === Number(projectId))
    .filter((a) => q === '' || String(a.name).toLowerCase().includes(q) || a.id === byId)
    .sort((a, b) => a.id - b.id);
  const page = paginate(matches, ctx.url);
  sendJson(ctx.res, 200, { ...page, results: page.results.map(storedAgentToResponse) });
}

async function patchAgent(ctx: RequestContext): Promise<void> {
  const body = expectObjectBody(await readJsonBody(ctx.req));
  // Looked up after the body arrived: another request may have replaced it meanwhile.
  const updated = updateAgent(ctx.store, agentOf(ctx), body);
  sendJson(ctx.res, 200, storedAgentToResponse(updated));
}

async function restore(ctx: RequestContext): Promise<void> {
  const body = expectObjectBody(await readJsonBody(ctx.req));
  const restored = restoreAgent(ctx.store, agentOf(ctx), body);
  sendJson(ctx.res, 200, storedAgentToResponse(restored));
}

async function editVersion(ctx: RequestContext): Promise<void> {
  const body = expectObjectBody(await readJsonBody(ctx.req));
  sendJson(ctx.res, 200, historyRecordToResponse(renameVersion(ctx.store, agentOf(ctx), body)));
}

export const agentRoutes: readonly Route[] = [
  { path: new RegExp(`^${BASE}$`), methods: { GET: listAgents } },
  {
    path: new RegExp(`^${BASE}(\\d+)/$`),
    methods: {
      GET: (ctx) => sendJson(ctx.res, 200, storedAgentToResponse(agentOf(ctx))),
      PATCH: patchAgent,
    },
  },
  {
    path: new RegExp(`^${BASE}(\\d+)/history/$`),
    methods: {
      GET: (ctx) => {
        const page = paginate(historyOf(ctx.store.state, agentOf(ctx).id), ctx.url);
        sendJson(ctx.res, 200, { ...page, results: page.results.map(historyRecordToResponse) });
      },
    },
  },
  { path: new RegExp(`^${BASE}(\\d+)/history/edit/$`), methods: { PATCH: editVersion } },
  { path: new RegExp(`^${BASE}(\\d+)/restore/$`), methods: { POST: restore } },
  {
    path: new RegExp(`^${BASE}(\\d+)/knowledge_base/$`),
    methods: {
      GET: (ctx) => {
        const files = agentOf(ctx).knowledge_base_files;
        sendJson(ctx.res, 200, paginate(Array.isArray(files) ? files : [], ctx.url));
      },
    },
  },
];
