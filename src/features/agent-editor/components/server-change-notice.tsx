import { Alert, Button, Group, Text } from '@mantine/core';
import type { ApiAgent } from '../../../agent/api-schema';
import { formatDateTime } from '../../../utils/format-date-time';
import { useHasChanges } from '../agent-changes-context';
import { changedFieldLabels, listInWords } from '../merge/field-labels';

interface ServerChangeNoticeProps {
  baseline: ApiAgent;
  latest: ApiAgent;
  /** Without edits: load the newer version. */
  onAdopt: (agent: ApiAgent) => void;
  /** With edits: merge them onto the newer version (conflicts ask first). */
  onMerge: (agent: ApiAgent) => void;
}

/**
 * A newer version of the agent arrived (a background refetch). It never replaces the form under
 * unsaved edits: it says which fields changed and offers to merge the edits into it; without
 * edits the user loads it with one click.
 */
export function ServerChangeNotice({ baseline, latest, onAdopt, onMerge }: ServerChangeNoticeProps) {
  const hasChanges = useHasChanges();
  if (latest === baseline || latest.updated_at === baseline.updated_at) return null;
  const changed = changedFieldLabels(baseline, latest);
  return (
    <Alert color="yellow" variant="light" title="This agent changed on the server">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          Someone saved it at {formatDateTime(latest.updated_at)}
          {changed.length > 0 ? `, changing ${listInWords(changed)}` : ''}.{' '}
          {hasChanges
            ? 'Merge your edits into the latest version to keep both; saving merges them too.'
            : 'Load the latest version to edit it.'}
        </Text>
        {hasChanges ? (
          <Button size="compact-sm" variant="default" onClick={() => onMerge(latest)}>
            Merge into my edits
          </Button>
        ) : (
          <Button size="compact-sm" variant="default" onClick={() => onAdopt(latest)}>
            Load the latest version
          </Button>
        )}
      </Group>
    </Alert>
  );
}
