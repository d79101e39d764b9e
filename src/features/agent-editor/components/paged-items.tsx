import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { ItemFilter, ItemPager, needsPaging, usePagedItems } from '../../../ui/paged-items';

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

/** An item removed since the agent was loaded (or last saved), which Undo puts back. */
export interface RemovedItem {
  key: string;
  label: string;
  onUndo: () => void;
}

/** "Deleted when you save: x [Undo]" for the items of a collection removed before a save. */
export function RemovedItems({ items, itemName }: { items: RemovedItem[]; itemName: string }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={4} role="region" aria-label={`Removed ${itemName}`}>
      <Text size="sm" fw={600}>
        Deleted when you save
      </Text>
      <Group gap="xs">
        {items.slice(0, 30).map((item) => (
          <Group key={item.key} gap={4} wrap="nowrap">
            <Text size="sm" td="line-through">
              {item.label}
            </Text>
            <Button size="compact-xs" variant="subtle" aria-label={`Undo removing ${item.label}`} onClick={item.onUndo}>
              Undo
            </Button>
          </Group>
        ))}
        {items.length > 30 && <Text size="sm">and {items.length - 30} more</Text>}
      </Group>
    </Stack>
  );
}

/**
 * A section listing one of the agent's collections a page at a time: intro, filter and pager
 * (above and below the rows), links to errors on other pages, the rows, the removed items with
 * Undo, and an Add button that shows the new row.
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
  header,
  removed,
  notice,
  actions,
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
  /** Drawn above the rows when there are any (e.g. column headings). */
  header?: ReactNode;
  /** The removed items with their Undo (see `RemovedItems`). */
  removed?: ReactNode;
  /** Drawn above the list (e.g. an alert whose buttons add items); `reveal(i)` shows item `i`'s page. */
  notice?: (reveal: (index: number) => void) => ReactNode;
  /** More buttons beside Add (e.g. one that adds copies); `reveal(i)` shows item `i`'s page. */
  actions?: (reveal: (index: number) => void) => ReactNode;
}) {
  const paged = usePagedItems({ count: keys.length, pageSize, names });
  const paging = needsPaging(paged);
  return (
    <Stack gap="md" maw={900}>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
      {notice?.(paged.reveal)}
      {paging && (
        <Group justify="space-between" align="flex-end" gap="sm">
          <ItemFilter paged={paged} itemName={itemName} />
          <ItemPager paged={paged} itemName={itemName} where="top" />
        </Group>
      )}
      <OffPageErrors
        indices={errorIndices(errors)}
        shown={paged.indices}
        label={(i) => itemLabel(names()[i], fallbackLabel(i))}
        onReveal={paged.reveal}
      />
      {keys.length === 0 && <Text size="sm">{empty}</Text>}
      <Stack gap="sm">
        {paged.indices.length > 0 && header}
        {paged.indices.map((index) => {
          const key = keys[index];
          return key === undefined ? null : <Fragment key={key}>{renderRow(index)}</Fragment>;
        })}
      </Stack>
      {paging && paged.pages > 1 && (
        <Group justify="flex-end">
          <ItemPager paged={paged} itemName={itemName} where="bottom" />
        </Group>
      )}
      {removed}
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
        {actions?.(paged.reveal)}
        <Text size="sm" c="dimmed">
          {keys.length} {keys.length === 1 ? noun.one : noun.many}
        </Text>
      </Group>
    </Stack>
  );
}
