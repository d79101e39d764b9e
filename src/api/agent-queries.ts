import { keepPreviousData, queryOptions, replaceEqualDeep } from '@tanstack/react-query';
import { apiAgentListSchema, apiAgentSchema, apiProjectListSchema } from '../agent/api-schema';
import type { ApiAgent, ApiAgentList, ApiProject } from '../agent/api-schema';
import { apiHistoryPageSchema } from '../agent/history-schema';
import type { ApiHistoryPage } from '../agent/history-schema';
import { apiFetch } from './client';

export interface AgentListParams {
  page: number;
  pageSize: number;
  /** Searches names; a number also matches the id. Empty = no search. */
  q: string;
  projectId?: number;
}

export const agentPath = (id: number) => `/test_framework/v2/aiagents/${id}/`;

function fetchAgentList(params: AgentListParams, signal: AbortSignal): Promise<ApiAgentList> {
  const search = new URLSearchParams({ page: String(params.page), page_size: String(params.pageSize) });
  if (params.q !== '') search.set('q', params.q);
  if (params.projectId !== undefined) search.set('project_id', String(params.projectId));
  return apiFetch(`/test_framework/v2/aiagents/?${search.toString()}`, { schema: apiAgentListSchema, signal });
}

const versionOf = (agent: unknown) => (typeof agent === 'object' && agent !== null && 'updated_at' in agent ? agent.updated_at : undefined);

/**
 * The detail's structural sharing: the same version read again keeps the cached objects where
 * nothing differs (so nothing re-renders); a newer version (a save's answer, someone else's
 * save) is cached as it is, without matching every nested item of a large agent against the
 * old version's first (it replaces the editor's baseline whole anyway).
 */
function shareSameVersion(cached: unknown, next: unknown): unknown {
  return cached !== undefined && versionOf(cached) === versionOf(next) ? replaceEqualDeep(cached, next) : next;
}

function fetchAgent(id: number, signal: AbortSignal): Promise<ApiAgent> {
  return apiFetch(agentPath(id), { schema: apiAgentSchema, signal });
}

/** Versions per page of an agent's history. */
export const HISTORY_PAGE_SIZE = 10;

function fetchHistory(id: number, page: number, signal: AbortSignal): Promise<ApiHistoryPage> {
  const search = new URLSearchParams({ page: String(page), page_size: String(HISTORY_PAGE_SIZE) });
  return apiFetch(`${agentPath(id)}history/?${search.toString()}`, { schema: apiHistoryPageSchema, signal });
}

function fetchProjects(signal: AbortSignal): Promise<ApiProject[]> {
  return apiFetch('/user/v1/projects/', { schema: apiProjectListSchema, signal });
}

/** Query keys and options of agents (TkDodo's factory): invalidate `lists()` after a save. */
export const agentQueries = {
  all: () => ['agents'] as const,
  lists: () => [...agentQueries.all(), 'list'] as const,
  list: (params: AgentListParams) =>
    queryOptions({
      queryKey: [...agentQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchAgentList(params, signal),
      placeholderData: keepPreviousData,
    }),
  details: () => [...agentQueries.all(), 'detail'] as const,
  detail: (id: number) =>
    queryOptions({
      queryKey: [...agentQueries.details(), id] as const,
      queryFn: ({ signal }) => fetchAgent(id, signal),
      structuralSharing: shareSameVersion,
    }),
  /** Every page of one agent's history: invalidate it after a save or a restore. */
  histories: (id: number) => [...agentQueries.all(), 'history', id] as const,
  /** One page (from 1) of an agent's versions, newest first. */
  history: (id: number, page: number) =>
    queryOptions({
      queryKey: [...agentQueries.histories(id), page] as const,
      queryFn: ({ signal }) => fetchHistory(id, page, signal),
      placeholderData: keepPreviousData,
    }),
};

export const projectQueries = {
  all: () => ['projects'] as const,
  list: () =>
    queryOptions({
      queryKey: [...projectQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => fetchProjects(signal),
      staleTime: 5 * 60_000,
    }),
};
