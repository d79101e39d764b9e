import { Button, Paper, Text } from '@mantine/core';
import { useDisclosure, useOs } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useRef } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ApiAgent } from '../../../agent/api-schema';
import type { AgentFormValues } from '../../../agent/form-schema';
import { useRegisterCommands } from '../../../ui/command-registry';
import { useHasChanges } from '../agent-changes-context';
import { UploadInFlight } from '../knowledge-base/components/upload-progress';
import { useUploadProgress } from '../knowledge-base/upload-progress-store';
import { useRestoreFocusAfterSave } from './use-restore-focus-after-save';
import classes from './save-bar.module.css';
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
 * Save, Discard and Review; Cancel while saving; while new files upload, their progress and
 * Cancel upload (here, so they are in view wherever the page is scrolled). "Changed" is the
 * value diff against the agent as loaded (the current PATCH is not `{}`), not react-hook-form's
 * dirty state: a field typed back is unchanged.
 */
export function SaveBar({ baseline, saving, onDiscard, onCancel, checking = false }: SaveBarProps) {
  const { reset } = useFormContext<AgentFormValues>();
  const changed = useHasChanges();
  const [reviewing, review] = useDisclosure(false);
  const os = useOs();
  const shortcut = os === 'macos' || os === 'ios' ? '⌘S' : 'Ctrl+S';
  // The command palette (Ctrl/Cmd+K) clicks these buttons: the same confirm, and the same submit,
  // validation and minimal PATCH as a click on Save changes.
  const saveButton = useRef<HTMLButtonElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  useRegisterCommands('editor.save-bar', [
    { id: 'editor.save', label: 'Save changes', group: 'Actions', enabled: changed && !saving, run: () => saveButton.current?.click() },
    { id: 'editor.review', label: 'Review changes', group: 'Actions', enabled: changed, run: review.open },
    { id: 'editor.discard', label: 'Discard changes', group: 'Actions', enabled: changed && !saving, run: () => discardButton.current?.click() },
  ]);
  const upload = useUploadProgress().status;
  const uploading = saving && (upload === 'reading' || upload === 'uploading');
  const status = useRestoreFocusAfterSave(saving, changed);
  // The review's Save changes takes the save bar's path: the form's submit.
  const save = () => saveButton.current?.form?.requestSubmit();

  return (
    <Paper withBorder shadow="md" radius="md" p="sm" px="md" pos="sticky" bottom={16} style={{ zIndex: 2 }} role="region" aria-label="Save">
      <div className={classes.bar}>
        {uploading ? (
          <UploadInFlight />
        ) : (
          <Text ref={status} tabIndex={-1} size="sm" c="dimmed" aria-live="polite" className={classes.status}>
            {checking ? (
              'Checking whether the server saved your changes…'
            ) : saving ? (
              'Saving…'
            ) : changed ? (
              <>
                You have unsaved changes<span className={classes.shortcut}> ({shortcut} saves)</span>.
              </>
            ) : (
              'No unsaved changes.'
            )}
          </Text>
        )}
        <div className={`${classes.buttons} ${classes.secondary}`} data-idle={!changed || saving || undefined}>
          <Button variant="subtle" disabled={!changed} onClick={review.open}>
            Review changes
          </Button>
          <Button
            ref={discardButton}
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
        </div>
        <div className={`${classes.buttons} ${classes.primary}`} data-uploading={uploading || undefined}>
          {saving && !checking && !uploading && onCancel && (
            <Button variant="default" color="red" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button ref={saveButton} type="submit" disabled={!changed} loading={saving}>
            Save changes
          </Button>
        </div>
      </div>
      <ReviewChangesDialog baseline={baseline} opened={reviewing} onClose={review.close} onSave={save} saving={saving} />
    </Paper>
  );
}
