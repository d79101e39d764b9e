import { Button, Group, Modal, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Conflict, ConflictChoice } from '../../../agent/merge-agent-edits';
import { conflictValueInWords } from './conflict-words';

export type ConflictChoices = Record<string, ConflictChoice>;

/** The values shown for each conflict, in this order. */
const VALUE_ROWS = [
  ['Loaded', 'base'],
  ['Theirs', 'theirs'],
  ['Mine', 'mine'],
] as const;

interface ConflictDialogProps {
  conflicts: readonly Conflict[];
  /** "Save merged" (a save) or "Apply to my edits" (a merge into the form). */
  confirmLabel: string;
  onConfirm: (choices: ConflictChoices) => void;
  /** Nothing is merged or saved: every edit stays in the form. */
  onCancel: () => void;
}

/**
 * The fields both you and someone else changed: each with the value loaded, theirs and mine,
 * and a choice (Keep mine by default).
 */
export function ConflictDialog({ conflicts, confirmLabel, onConfirm, onCancel }: ConflictDialogProps) {
  const [choices, setChoices] = useState<ConflictChoices>(() => Object.fromEntries(conflicts.map((c) => [c.path, 'mine' as const])));
  return (
    <Modal opened onClose={onCancel} title="Someone else changed this agent" size="xl" scrollAreaComponent={ScrollArea.Autosize}>
      <Stack gap="md">
        <Text size="sm">
          The agent was saved by someone else since you loaded it. Their other changes are kept with yours; these fields were
          changed on both sides. Choose which value each keeps.
        </Text>
        {conflicts.map((conflict) => (
          <Radio.Group
            key={conflict.path}
            label={conflict.label}
            value={choices[conflict.path] ?? 'mine'}
            onChange={(value) => setChoices((current) => ({ ...current, [conflict.path]: value === 'theirs' ? 'theirs' : 'mine' }))}
          >
            <Table withRowBorders={false} verticalSpacing={2} mt={4} aria-label={`${conflict.label}: the values`}>
              <Table.Tbody>
                {VALUE_ROWS.map(([heading, side], row) => (
                  <Table.Tr key={side}>
                    <Table.Th scope="row" w={row === 0 ? 120 : undefined} fw={500} c="dimmed">
                      {heading}
                    </Table.Th>
                    <Table.Td>{conflictValueInWords(conflict, side)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group gap="lg" mt={6}>
              <Radio value="mine" label="Keep mine" />
              <Radio value="theirs" label="Take theirs" />
            </Group>
          </Radio.Group>
        ))}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={() => onConfirm(choices)}>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
