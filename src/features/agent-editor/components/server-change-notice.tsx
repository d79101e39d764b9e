import { Alert, Button, Group, Text } from '@mantine/core';
import type { ApiAgent } from '../../../agent/api-schema';
import { formatDateTime } from '../../../utils/format-date-time';
import { useHasChanges } from '../agent-changes-context';

/**
 * A newer version of the agent arrived (a background refetch). It never replaces the form under
 * unsaved edits; without edits the user loads it with one click.
 */
export function ServerChangeNotice({ baseline, latest, onAdopt }: { baseline: ApiAgent; latest: ApiAgent; onAdopt: (agent: ApiAgent) => void }) {
  const hasChanges = useHasChanges();
  if (latest === baseline || latest.updated_at === baseline.updated_at) return null;
  return (
    <Alert color="yellow" variant="light" title="This agent changed on the server">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          Someone saved it at {formatDateTime(latest.updated_at)}.{' '}
          {hasChanges
            ? 'Saving sends only the fields you changed; their other changes are kept.'
            : 'Load the latest version to edit it.'}
        </Text>
        {!hasChanges && (
          <Button size="compact-sm" variant="default" onClick={() => onAdopt(latest)}>
            Load the latest version
          </Button>
        )}
      </Group>
    </Alert>
  );
}
