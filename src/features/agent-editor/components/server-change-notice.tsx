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
 * Whether `latest` is a newer version than `baseline` (`updated_at` only moves forward). The
 * cached agent can be the older one for a moment: a save's answer becomes the form's baseline
 * before the page's copy of the cache catches up, which is no news (and no diff to work out).
 */
function isNewer(latest: ApiAgent, baseline: ApiAgent): boolean {
  const [theirs, ours] = [Date.parse(latest.updated_at ?? ''), Date.parse(baseline.updated_at ?? '')];
  return Number.isNaN(theirs) || Number.isNaN(ours) ? latest.updated_at !== baseline.updated_at : theirs > ours;
}

/**
 * A newer version of the agent arrived (a background refetch). It never replaces the form under
 * unsaved edits: it says which fields changed and offers to merge the edits into it; without
 * edits the user loads it with one click.
 */
export function ServerChangeNotice({ baseline, latest, onAdopt, onMerge }: ServerChangeNoticeProps) {
  const hasChanges = useHasChanges();
  if (latest === baseline || !isNewer(latest, baseline)) return null;
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
