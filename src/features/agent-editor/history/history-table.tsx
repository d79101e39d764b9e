import { Table, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { ApiHistoryVersion } from '../../../agent/history-schema';
import reflow from '../../../ui/reflow-table.module.css';
import { formatDateTime } from '../../../utils/format-date-time';
import { historyTypeInWords, versionAuthor, versionTitle } from './version-words';

interface HistoryTableProps {
  versions: readonly ApiHistoryVersion[];
  selectedId: number | null;
  onSelect: (version: ApiHistoryVersion) => void;
}

/** Moves the focus (and the selection) to the row above or below with the arrow keys. */
function moveWithArrows(event: KeyboardEvent<HTMLButtonElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const row = event.currentTarget.closest('tr');
  const target = event.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
  const button = target?.querySelector<HTMLButtonElement>('button[data-version]');
  if (!button) return;
  event.preventDefault();
  button.focus();
  button.click();
}

/**
 * The versions of a page, newest first. A row is selected by a click anywhere on it, or from the
 * keyboard with its version's button (Enter or Space; the arrow keys move between rows).
 */
export function HistoryTable({ versions, selectedId, onSelect }: HistoryTableProps) {
  return (
    // On a phone the table reflows to the version and its date (who and what show from `sm` up).
    <Table.ScrollContainer minWidth={560} classNames={{ scrollContainerInner: reflow.inner }}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th visibleFrom="sm">By</Table.Th>
            <Table.Th visibleFrom="sm">Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => {
            const selected = version.history_id === selectedId;
            return (
              <Table.Tr
                key={version.history_id}
                onClick={() => onSelect(version)}
                bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>
                  <UnstyledButton
                    data-version
                    aria-pressed={selected}
                    fz="sm"
                    fw={selected ? 700 : 500}
                    onKeyDown={moveWithArrows}
                    onClick={(event) => {
                      event.stopPropagation();
                      onSelect(version);
                    }}
                  >
                    {versionTitle(version)}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{formatDateTime(version.history_date)}</Table.Td>
                <Table.Td visibleFrom="sm">{versionAuthor(version)}</Table.Td>
                <Table.Td visibleFrom="sm">{historyTypeInWords(version.history_type)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
