import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { listInWords } from '../merge/field-labels';

/** How long "Changes saved" stays, with its Undo button. */
export const UNDO_WINDOW_MS = 30_000;
let shown = 0;
let current: string | null = null;

/** Takes the last "Changes saved" away (its Undo no longer applies). */
export function hideSavedNotification(): void {
  if (current !== null) notifications.hide(current);
  current = null;
}

function SavedMessage({ changes, theirChanges, onUndo }: { changes: string; theirChanges: string[] | null; onUndo: () => void }) {
  return (
    <Stack gap={6}>
      <Text size="sm">Updated {changes}.</Text>
      {theirChanges !== null && (
        <Text size="sm">
          Merged with the newer version someone else saved
          {theirChanges.length > 0 ? `; their change touched ${listInWords(theirChanges)}.` : '.'}
        </Text>
      )}
      <Group>
        <Button size="compact-sm" variant="default" onClick={onUndo}>
          Undo
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * "Changes saved": what the save changed (`changes`, in words), what the newer version it was
 * merged with had changed (`theirChanges`; `null` when there was none), and Undo for 30 s.
 */
export function showSavedNotification({ changes, theirChanges, onUndo }: { changes: string; theirChanges: string[] | null; onUndo: () => void }): void {
  hideSavedNotification();
  shown += 1;
  const id = `agent-changes-saved-${shown}`;
  current = id;
  notifications.show({
    id,
    color: 'green',
    title: 'Changes saved',
    autoClose: UNDO_WINDOW_MS,
    message: (
      <SavedMessage
        changes={changes}
        theirChanges={theirChanges}
        onUndo={() => {
          notifications.hide(id);
          onUndo();
        }}
      />
    ),
  });
}
