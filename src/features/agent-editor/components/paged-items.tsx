import { Alert, Button, Group, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { Fragment, useDeferredValue, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * Long lists (a large agent has hundreds of variables and tools) render one page of items at a
 * time: the page stays small, so typing in a long agent costs what it costs in a short one.
 * Items off the page keep their values in the form and are validated and saved like the rest.
 */
export interface PagedItems {
  /** Indices (into the form's array) of the items on this page, in order. */
  indices: number[];
  controls: ReactNode;
  /** Shows the page holding `index` (e.g. a new item, or one with an error). */
  reveal: (index: number) => void;
}

export function usePagedItems({
  count,
  pageSize,
  itemName,
  names,
}: {
  count: number;
  pageSize: number;
  /** Plural noun for the filter's label, e.g. "variables". */
  itemName: string;
  /** Reads the current names (only when filtering). */
  names: () => string[];
}): PagedItems {
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());

  const all = Array.from({ length: count }, (_, i) => i);
  const matching = query === '' ? all : (() => {
    const current = names();
    return all.filter((i) => (current[i] ?? '').toLowerCase().includes(query));
  })();
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(page, pages);
  const indices = matching.slice((current - 1) * pageSize, current * pageSize);

  const controls =
    count > pageSize || filter !== '' ? (
      <Group justify="space-between" align="flex-end" gap="sm">
        <TextInput
          label={`Filter ${itemName}`}
          placeholder="Part of a name"
          value={filter}
          onChange={(event) => {
            setFilter(event.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        <Group gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {matching.length === 0
              ? `No ${itemName} match`
              : `${(current - 1) * pageSize + 1}–${(current - 1) * pageSize + indices.length} of ${matching.length}`}
          </Text>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={current}
              onChange={setPage}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': `${control[0]?.toUpperCase() ?? ''}${control.slice(1)} page` })}
              getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
            />
          )}
        </Group>
      </Group>
    ) : null;

  return {
    indices,
    controls,
    reveal: (index) => {
      setFilter('');
      setPage(Math.floor(index / pageSize) + 1);
    },
  };
}

/** Lists items with errors that are not on the page shown, with a way to get to each. */
export function OffPageErrors({ indices, shown, label, onReveal }: { indices: number[]; shown: number[]; label: (index: number) => string; onReveal: (index: number) => void }) {
  const offPage = indices.filter((i) => !shown.includes(i));
  if (offPage.length === 0) return null;
  return (
    <Alert color="red" variant="light" title="Fix the errors on other pages">
      <Group gap="xs">
        {offPage.slice(0, 8).map((index) => (
          <Button key={index} size="compact-sm" variant="default" onClick={() => onReveal(index)}>
            {label(index)}
          </Button>
        ))}
        {offPage.length > 8 && <Text size="sm">and {offPage.length - 8} more</Text>}
      </Group>
    </Alert>
  );
}

/** A display name for an item: its name, or a placeholder until it has one. */
export function itemLabel(name: string | undefined, fallback: string): string {
  const trimmed = name?.trim() ?? '';
  return trimmed === '' ? fallback : trimmed;
}

/** Indices of the items of a form array that have an error. */
export function errorIndices(errors: unknown): number[] {
  return Array.isArray(errors) ? errors.flatMap((e: unknown, i) => (e ? [i] : [])) : [];
}

/**
 * A section listing one of the agent's collections a page at a time: intro, filter and pager,
 * links to errors on other pages, the rows, and an Add button that shows the new row.
 */
export function PagedItemList({
  intro,
  keys,
  pageSize,
  noun,
  itemName,
  names,
  errors,
  fallbackLabel,
  empty,
  addLabel,
  onAdd,
  renderRow,
}: {
  intro: ReactNode;
  /** React keys of the items (the field array's ids), in form order. */
  keys: string[];
  pageSize: number;
  /** The count's noun: "1 tool", "220 tools". */
  noun: { one: string; many: string };
  /** Plural name in the filter's label and messages: "Filter mock tools". */
  itemName: string;
  names: () => string[];
  errors: unknown;
  fallbackLabel: (index: number) => string;
  empty: string;
  addLabel: string;
  onAdd: () => void;
  renderRow: (index: number) => ReactNode;
}) {
  const paged = usePagedItems({ count: keys.length, pageSize, itemName, names });
  return (
    <Stack gap="md" maw={900}>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
      {paged.controls}
      <OffPageErrors
        indices={errorIndices(errors)}
        shown={paged.indices}
        label={(i) => itemLabel(names()[i], fallbackLabel(i))}
        onReveal={paged.reveal}
      />
      {keys.length === 0 && <Text size="sm">{empty}</Text>}
      {paged.indices.map((index) => {
        const key = keys[index];
        return key === undefined ? null : <Fragment key={key}>{renderRow(index)}</Fragment>;
      })}
      <Group>
        <Button
          variant="light"
          onClick={() => {
            paged.reveal(keys.length);
            onAdd();
          }}
        >
          {addLabel}
        </Button>
        <Text size="sm" c="dimmed">
          {keys.length} {keys.length === 1 ? noun.one : noun.many}
        </Text>
      </Group>
    </Stack>
  );
}
