import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApiAgent } from '../../../agent/api-schema';
import { agentAtVersion } from '../../../agent/history-schema';
import type { ApiHistoryVersion } from '../../../agent/history-schema';
import { formatDateTime } from '../../../utils/format-date-time';
import { VersionChangeList } from './version-change-list';
import { describeVersionChanges } from './version-changes';
import { historyTypeInWords, versionAuthor, versionTitle } from './version-words';

/** The version before the selected one: known, being fetched, failed to load, or none (the first recorded). */
export type PreviousVersion =
  | { status: 'found'; version: ApiHistoryVersion }
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'none' };

interface VersionDetailsProps {
  version: ApiHistoryVersion;
  previous: PreviousVersion;
  current: ApiAgent;
  onRestore: () => void;
}

/** What the selected version changed compared with the one before it, in words, and its Restore button. */
export function VersionDetails({ version, previous, current, onRestore }: VersionDetailsProps) {
  const title = versionTitle(version);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="history-version-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Title order={3} fz="md" id="history-version-title">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {historyTypeInWords(version.history_type)} by {versionAuthor(version)} on {formatDateTime(version.history_date)}
              {version.history_change_reason ? ` · ${version.history_change_reason}` : ''}
            </Text>
          </Stack>
          <Button variant="default" size="xs" onClick={onRestore}>
            Restore this version
          </Button>
        </Group>
        <PreviousComparison version={version} previous={previous} current={current} />
      </Stack>
    </Paper>
  );
}

function PreviousComparison({ version, previous, current }: Omit<VersionDetailsProps, 'onRestore'>) {
  switch (previous.status) {
    case 'loading':
      return <Loader size="sm" aria-label="Loading the version before it" />;
    case 'error':
      return (
        <Alert color="red" title="Could not load the version before it" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{previous.message}</Text>
            <Button size="xs" variant="default" onClick={previous.retry}>
              Retry
            </Button>
          </Stack>
        </Alert>
      );
    case 'none':
      return <Text size="sm">This is the first recorded version: there is no version before it to compare with.</Text>;
    case 'found': {
      const changes = describeVersionChanges(agentAtVersion(current, previous.version), agentAtVersion(current, version));
      const before = versionTitle(previous.version);
      if (changes.length === 0) return <Text size="sm">Compared with {before}, none of the versioned fields changed.</Text>;
      return (
        <Stack gap={6}>
          <Text size="sm">Compared with {before}:</Text>
          <VersionChangeList changes={changes} label={`What ${versionTitle(version)} changed`} />
        </Stack>
      );
    }
  }
}
