import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiAgent } from '../../../agent/api-schema';
import { agentAtVersion } from '../../../agent/history-schema';
import type { ApiHistoryVersion } from '../../../agent/history-schema';
import { ApiError } from '../../../api/client';
import { useRestoreAgent } from '../../../api/use-restore-agent';
import { VersionChangeList } from './version-change-list';
import { describeVersionChanges, unversionedFieldLabels } from './version-changes';
import { versionTitle } from './version-words';

interface RestoreVersionModalProps {
  opened: boolean;
  /** The version to restore. */
  version: ApiHistoryVersion;
  /** The agent as the server has it (the form's baseline). */
  current: ApiAgent;
  /** The form has unsaved edits: restoring discards them, so the modal says so first. */
  hasChanges: boolean;
  onClose: () => void;
  /** The restored agent, as the API answered: the form's new baseline. */
  onRestored: (agent: ApiAgent) => void;
}

/** Why a restore failed: the API's messages about the request (`{"history_id": ["…"]}`), else the error's. */
function restoreFailure(error: Error): string {
  if (error instanceof ApiError && typeof error.body === 'object' && error.body !== null && !Array.isArray(error.body)) {
    const messages = Object.values(error.body).flatMap((value: unknown) => (Array.isArray(value) ? value.filter((m) => typeof m === 'string') : []));
    if (messages.length > 0) return messages.join(' ');
  }
  return error.message;
}

/**
 * Confirms a restore, naming what it will change (the agent as it is now against the version),
 * then sends it. With unsaved edits it asks to discard them first.
 */
export function RestoreVersionModal({ opened, version, current, hasChanges, onClose, onRestored }: RestoreVersionModalProps) {
  const restore = useRestoreAgent(current.id);
  const close = () => {
    if (restore.isPending) return;
    restore.reset();
    onClose();
  };
  const title = versionTitle(version);
  const changes = opened ? describeVersionChanges(current, agentAtVersion(current, version)) : [];
  const confirm = () => {
    restore.mutate(version.history_id, {
      onSuccess: (agent) => {
        onRestored(agent);
        restore.reset();
        onClose();
        notifications.show({ color: 'green', title: 'Version restored', message: `The agent is back to ${title}.` });
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={hasChanges ? 'You have unsaved changes' : `Restore ${title}?`} centered size="lg">
      <Stack gap="md">
        {hasChanges && (
          <Text size="sm">
            Restoring {title} discards your unsaved edits. To keep them, cancel and save them first, then restore.
          </Text>
        )}
        {changes.length === 0 ? (
          <Text size="sm">{title} matches the agent as it is now: restoring it changes nothing.</Text>
        ) : (
          <Stack gap={6}>
            <Text size="sm">Restoring {title} changes:</Text>
            <VersionChangeList changes={changes} label={`What restoring ${title} changes`} />
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {unversionedFieldLabels().join(', ')} and secrets are not versioned: they stay as they are.
        </Text>
        {restore.isError && (
          <Alert color="red" title="The version was not restored" role="alert">
            {restoreFailure(restore.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={restore.isPending} data-autofocus>
            Cancel
          </Button>
          <Button color={hasChanges ? 'red' : undefined} onClick={confirm} loading={restore.isPending}>
            {hasChanges ? 'Discard and restore' : 'Restore'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
