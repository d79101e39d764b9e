import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiAgent } from '../../../agent/api-schema';
import type { ApiHistoryVersion } from '../../../agent/history-schema';
import { agentQueries, HISTORY_PAGE_SIZE } from '../../../api/agent-queries';
import { useHasChanges } from '../agent-changes-context';
import { undoLastSave, useLastSave, useUndoingLastSave } from '../last-save-store';
import { formatDateTime } from '../../../utils/format-date-time';
import { useLoadedAgent } from '../loaded-agent-context';
import { HistoryTable } from './history-table';
import { RestoreVersionModal } from './restore-version-modal';
import { VersionDetails } from './version-details';
import type { PreviousVersion } from './version-details';
import { unversionedFieldLabels, versionedFieldLabels } from './version-changes';
import { LoadErrorAlert } from '../../../ui/load-error-alert';
import { PageFooter } from '../../../ui/page-footer';

function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * The History tab: the agent's versions, newest first, a page at a time; the selected one's
 * changes in words; Restore. `onRestored` gets the restored agent, to make it the form's baseline.
 */
export function HistoryPanel({ onRestored }: { onRestored: (agent: ApiAgent) => void }) {
  const current = useLoadedAgent();
  const hasChanges = useHasChanges();
  const [page, setPage] = useState(1);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [restoring, setRestoring] = useState(false);
  const history = useQuery(agentQueries.history(current.id, page));
  const lastSave = useLastSave(current.id);
  const undoing = useUndoingLastSave();

  const versions = history.data?.results ?? [];
  const index = versions.findIndex((v) => v.history_id === selectedId);
  const selected = index >= 0 ? versions[index] : undefined;
  // The oldest version of a page is compared with the newest of the next page.
  const needsNextPage = selected !== undefined && index === versions.length - 1 && !history.isPlaceholderData && Boolean(history.data?.next);
  const nextPage = useQuery({ ...agentQueries.history(current.id, page + 1), enabled: needsNextPage });

  const previous = ((): PreviousVersion => {
    const onPage = versions[index + 1];
    if (onPage) return { status: 'found', version: onPage };
    if (!needsNextPage) return { status: 'none' };
    if (nextPage.isError) return { status: 'error', message: nextPage.error.message, retry: () => void nextPage.refetch() };
    const first = nextPage.data?.results[0];
    if (nextPage.isPending || nextPage.isPlaceholderData) return { status: 'loading' };
    return first ? { status: 'found', version: first } : { status: 'none' };
  })();

  const count = history.data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(count / HISTORY_PAGE_SIZE));
  const showPage = (next: number) => {
    setPage(next);
    setSelectedId(null);
  };
  const select = (version: ApiHistoryVersion) => setSelectedId(version.history_id);

  return (
    <Stack gap="md">
      <Text size="sm">
        Each save is recorded as a version of {listInWords(versionedFieldLabels())}. Select a version to see what it changed, or
        to restore it.
      </Text>
      {lastSave && (
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm">Your last save here was at {formatDateTime(new Date(lastSave.savedAt).toISOString())}.</Text>
          <Button size="xs" variant="default" loading={undoing} onClick={() => void undoLastSave()}>
            Undo last save
          </Button>
        </Group>
      )}
      <Alert color="gray" variant="light" title="Not versioned">
        The API does not version telephony, provider, webhook, who speaks first or secrets: changes to{' '}
        {listInWords([...unversionedFieldLabels(), 'secrets'])} are not listed here, and restoring a version leaves them as
        they are.
      </Alert>
      {history.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading the versions">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={28} />
          ))}
        </Stack>
      ) : history.isError ? (
        <LoadErrorAlert title="Could not load the history" error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
      ) : versions.length === 0 ? (
        <Text size="sm">No versions are recorded for this agent yet.</Text>
      ) : (
        <>
          <HistoryTable versions={versions} selectedId={selectedId} onSelect={select} />
          <PageFooter
            first={(page - 1) * HISTORY_PAGE_SIZE + 1}
            last={(page - 1) * HISTORY_PAGE_SIZE + versions.length}
            count={count}
            noun={{ one: 'version', many: 'versions' }}
            loading={history.isPlaceholderData}
            page={page}
            pages={pages}
            onPage={showPage}
            previousLabel="Newer versions"
            nextLabel="Older versions"
            label="Pages of versions"
          />
          {selected ? (
            <>
              <VersionDetails version={selected} previous={previous} current={current} onRestore={() => setRestoring(true)} />
              <RestoreVersionModal
                opened={restoring}
                version={selected}
                current={current}
                hasChanges={hasChanges}
                onClose={() => setRestoring(false)}
                onRestored={onRestored}
              />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Select a version to see what it changed.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
