import { Group, Pagination, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useState } from 'react';

/**
 * Long lists (a large agent has hundreds of variables and tools) render one page of items at a
 * time: the page stays small, so typing in a long agent costs what it costs in a short one.
 * Items off the page keep their values in the form and are validated and saved like the rest.
 */
export interface PagedItems {
  /** Indices (into the form's array) of the items on this page, in order. */
  indices: number[];
  filter: string;
  setFilter: (filter: string) => void;
  /** The page shown (1-based) and how many pages the matching items fill. */
  page: number;
  pages: number;
  setPage: (page: number) => void;
  /** How many items match the filter, and how many there are. */
  matching: number;
  count: number;
  pageSize: number;
  /** Shows the page holding `index` (e.g. a new item, or one with an error). */
  reveal: (index: number) => void;
}

/** The paging state of a list: which items match the filter and which page is shown. */
export function usePagedItems({
  count,
  pageSize,
  names,
}: {
  count: number;
  pageSize: number;
  /** Reads the current names (only when filtering). */
  names: () => string[];
}): PagedItems {
  const [page, setPage] = useState(1);
  const [filter, setFilterState] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());

  const all = Array.from({ length: count }, (_, i) => i);
  const matching = query === '' ? all : (() => {
    const current = names();
    return all.filter((i) => (current[i] ?? '').toLowerCase().includes(query));
  })();
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(page, pages);
  const indices = matching.slice((current - 1) * pageSize, current * pageSize);

  return {
    indices,
    filter,
    setFilter: (next) => {
      setFilterState(next);
      setPage(1);
    },
    page: current,
    pages,
    setPage,
    matching: matching.length,
    count,
    pageSize,
    reveal: (index) => {
      setFilterState('');
      setPage(Math.floor(index / pageSize) + 1);
    },
  };
}

/** Whether a list needs its filter and pager (it is long, or a filter is typed). */
export function needsPaging(paged: PagedItems): boolean {
  return paged.count > paged.pageSize || paged.filter !== '';
}

/** The filter box, for the top of a long list. */
export function ItemFilter({ paged, itemName }: { paged: PagedItems; itemName: string }) {
  return (
    <TextInput
      label={`Filter ${itemName}`}
      placeholder="Part of a name"
      value={paged.filter}
      onChange={(event) => paged.setFilter(event.currentTarget.value)}
      w={280}
      maw="100%"
    />
  );
}

/** "26–50 of 612" and the pages; `where` names the pager, since one sits above and one below. */
export function ItemPager({ paged, itemName, where }: { paged: PagedItems; itemName: string; where: 'top' | 'bottom' }) {
  const first = (paged.page - 1) * paged.pageSize + 1;
  const last = (paged.page - 1) * paged.pageSize + paged.indices.length;
  return (
    <Group gap="sm" role="navigation" aria-label={`Pages of ${itemName}${where === 'bottom' ? ' (bottom)' : ''}`}>
      <Text size="sm" c="dimmed" aria-live={where === 'top' ? 'polite' : undefined}>
        {paged.matching === 0 ? `No ${itemName} match` : `${first}–${last} of ${paged.matching}`}
      </Text>
      {paged.pages > 1 && (
        <Pagination
          total={paged.pages}
          value={paged.page}
          onChange={paged.setPage}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': `${control[0]?.toUpperCase() ?? ''}${control.slice(1)} page` })}
          getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
        />
      )}
    </Group>
  );
}
