/** The bulk editor's URL search params: `?ids=101,102,107` (the selected agents; ids are not secret). */
export interface BulkEditSearch {
  ids?: string;
}

/** The ids in `?ids=`, in order, each once; anything that is not a positive integer is dropped. */
export function parseBulkIds(ids: string | undefined): number[] {
  const out = (ids ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^\d+$/.test(part))
    .map(Number)
    .filter((id) => id > 0);
  return [...new Set(out)];
}

export function validateBulkEditSearch(search: Record<string, unknown>): BulkEditSearch {
  // The router parses `?ids=101` (a single id) as a number.
  const raw = typeof search.ids === 'string' || typeof search.ids === 'number' ? String(search.ids) : '';
  const ids = parseBulkIds(raw);
  return { ids: ids.length === 0 ? undefined : ids.join(',') };
}
