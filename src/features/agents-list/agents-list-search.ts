/** The list's URL search params: `?page=2&q=support&project=3`. Defaults are left out of the URL. */
export interface AgentsListSearch {
  page?: number;
  q?: string;
  project?: number;
}

export const AGENTS_PAGE_SIZE = 20;

export function validateAgentsListSearch(search: Record<string, unknown>): AgentsListSearch {
  const page = Number(search.page);
  // The router parses `?q=42` as a number: a search for an id.
  const q = typeof search.q === 'string' || typeof search.q === 'number' ? String(search.q).trim() : '';
  const project = Number(search.project);
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    q: q === '' ? undefined : q,
    project: Number.isInteger(project) && project > 0 ? project : undefined,
  };
}
