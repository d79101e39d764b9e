import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';

/**
 * Asks before a save removes variables the description still uses (their `{{placeholders}}`
 * would be left unfilled): true on Save anyway, false on Cancel or close.
 */
export function confirmRemovingUsedVariables(names: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title: names.length === 1 ? 'Remove a variable the description uses?' : 'Remove variables the description uses?',
      children: (
        <Stack gap="xs">
          {names.map((name) => (
            <Text key={name} size="sm" fw={500}>
              {name} is used in the description
            </Text>
          ))}
          <Text size="sm">
            Saving removes {names.length === 1 ? 'this variable' : 'these variables'}, so Cekura leaves{' '}
            {names.map((name) => `{{${name}}}`).join(', ')} unfilled. Nothing is saved until you choose.
          </Text>
        </Stack>
      ),
      labels: { confirm: 'Save anyway', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      // Confirm resolves first; the close that follows it changes nothing.
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
