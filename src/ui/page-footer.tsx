import { Group, Pagination, Text } from '@mantine/core';

interface PageFooterProps {
  /** 1-based position of the first and last item shown, of `count`. */
  first: number;
  last: number;
  count: number;
  noun: { one: string; many: string };
  /** The page shown is the previous one while the next loads. */
  loading: boolean;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** Names of the previous/next controls ("Newer versions") and of the whole pager. */
  previousLabel: string;
  nextLabel: string;
  label: string;
}

/**
 * Under a server-paged list: "1–8 of 23 agents" and, when there is more than one page, the
 * pager with named controls.
 */
export function PageFooter({ first, last, count, noun, loading, page, pages, onPage, previousLabel, nextLabel, label }: PageFooterProps) {
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {first}–{last} of {count} {count === 1 ? noun.one : noun.many}
        {loading ? ' · loading…' : ''}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
          getControlProps={(control) => ({
            'aria-label': { first: 'First page', previous: previousLabel, next: nextLabel, last: 'Last page' }[control],
          })}
          aria-label={label}
        />
      )}
    </Group>
  );
}
