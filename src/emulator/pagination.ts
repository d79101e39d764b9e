import { HttpError } from './http';

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

function pageSizeOf(raw: string | null): number {
  if (raw === null || !/^\d+$/.test(raw) || Number(raw) < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(Number(raw), MAX_PAGE_SIZE);
}

function linkTo(url: URL, page: number): string {
  const params = new URLSearchParams(url.search);
  // Like DRF, the link to the first page carries no page parameter.
  if (page === 1) params.delete('page');
  else params.set('page', String(page));
  const query = params.toString();
  return query === '' ? url.pathname : `${url.pathname}?${query}`;
}

/**
 * DRF's PageNumberPagination: `page` (or `last`), `page_size` (default 10, at most 100).
 * A page out of range is a 404 `{"detail": "Invalid page."}`; links are path + query.
 */
export function paginate<T>(items: readonly T[], url: URL): Page<T> {
  const size = pageSizeOf(url.searchParams.get('page_size'));
  const pages = Math.max(1, Math.ceil(items.length / size));
  const raw = url.searchParams.get('page');
  let page = 1;
  if (raw === 'last') page = pages;
  else if (raw !== null && raw !== '') page = /^\d+$/.test(raw) ? Number(raw) : 0;
  if (page < 1 || page > pages) throw new HttpError(404, { detail: 'Invalid page.' });
  return {
    count: items.length,
    next: page < pages ? linkTo(url, page + 1) : null,
    previous: page > 1 ? linkTo(url, page - 1) : null,
    results: items.slice((page - 1) * size, page * size),
  };
}
