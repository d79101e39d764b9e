import { Button, Group, Paper, Text } from '@mantine/core';
import { useDisclosure, useOs } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useRef } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ApiAgent } from '../../../agent/api-schema';
import type { AgentFormValues } from '../../../agent/form-schema';
import { useAgentDiff } from '../agent-changes-context';
import { ReviewChangesDialog } from './review-changes-dialog';

interface SaveBarProps {
  baseline: ApiAgent;
  saving: boolean;
  onDiscard: () => void;
  /** Stops the save in flight (shown while saving). */
  onCancel?: () => void;
  /** The save ended without an answer and the agent is being read back. */
  checking?: boolean;
}

/**
 * Save, Discard and Review; Cancel while saving. "Changed" is the value diff against the agent
 * as loaded (the current PATCH is not `{}`), not react-hook-form's dirty state: a field typed
 * back is unchanged.
 */
export function SaveBar({ baseline, saving, onDiscard, onCancel, checking = false }: SaveBarProps) {
  const { reset } = useFormContext<AgentFormValues>();
  const changed = Object.keys(useAgentDiff()).length > 0;
  const [reviewing, review] = useDisclosure(false);
  const os = useOs();
  const shortcut = os === 'macos' || os === 'ios' ? '⌘S' : 'Ctrl+S';
  const saveButton = useRef<HTMLButtonElement>(null);
  // The review's Save changes takes the save bar's path: the form's submit.
  const save = () => saveButton.current?.form?.requestSubmit();

  return (
    <Paper withBorder shadow="md" radius="md" p="sm" px="md" pos="sticky" bottom={16} style={{ zIndex: 2 }}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {checking ? 'Checking whether the server saved your changes…' : saving ? 'Saving…' : changed ? `You have unsaved changes (${shortcut} saves).` : 'No unsaved changes.'}
        </Text>
        <Group gap="sm">
          {saving && !checking && onCancel && (
            <Button variant="default" color="red" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button variant="subtle" disabled={!changed} onClick={review.open}>
            Review changes
          </Button>
          <Button
            variant="default"
            disabled={!changed || saving}
            onClick={() =>
              modals.openConfirmModal({
                title: 'Discard your changes?',
                children: <Text size="sm">Every unsaved edit on every tab goes back to the saved agent. This cannot be undone.</Text>,
                labels: { confirm: 'Discard', cancel: 'Keep editing' },
                confirmProps: { color: 'red' },
                onConfirm: () => {
                  reset();
                  onDiscard();
                },
              })
            }
          >
            Discard changes
          </Button>
          <Button ref={saveButton} type="submit" disabled={!changed} loading={saving}>
            Save changes
          </Button>
        </Group>
      </Group>
      <ReviewChangesDialog baseline={baseline} opened={reviewing} onClose={review.close} onSave={save} saving={saving} />
    </Paper>
  );
}
