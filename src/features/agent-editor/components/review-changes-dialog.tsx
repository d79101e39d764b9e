import { Anchor, Button, Code, CopyButton, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ApiAgent } from '../../../agent/api-schema';
import { formatBytes } from '../../../utils/format-bytes';
import { useAgentDiff, useHasChanges } from '../agent-changes-context';
import { describePatch, maskPatchForDisplay, patchBodySize } from '../review-changes';
import type { ChangeLine } from '../review-changes';
import classes from './review-changes-dialog.module.css';

/** One change: field, before, after; a shortened text can be read whole. */
function ChangeRow({ line }: { line: ChangeLine }) {
  const [whole, setWhole] = useState(false);
  const long = line.beforeFull !== undefined || line.afterFull !== undefined;
  return (
    <Table.Tr>
      <Table.Td fw={600}>
        {line.field}
        {long && (
          <>
            {' '}
            <Anchor component="button" type="button" size="xs" fw={400} aria-expanded={whole} onClick={() => setWhole((w) => !w)}>
              {whole ? 'Show less' : 'Show all'}
            </Anchor>
          </>
        )}
      </Table.Td>
      <Table.Td>{whole ? (line.beforeFull ?? line.before) : line.before}</Table.Td>
      <Table.Td>{whole ? (line.afterFull ?? line.after) : line.after}</Table.Td>
    </Table.Tr>
  );
}

/** The PATCH body: collapsed to its size, expandable into a scroll box; Copy copies it as shown (secrets masked). */
function RequestBody({ agentId }: { agentId: number }) {
  const patch = useAgentDiff();
  const [expanded, body] = useDisclosure(false);
  const id = useId();
  const shown = JSON.stringify(maskPatchForDisplay(patch), null, 2);
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Title order={3} size="h5">
          <Anchor component="button" type="button" inherit aria-expanded={expanded} aria-controls={id} onClick={body.toggle}>
            {expanded ? '▾' : '▸'} PATCH body · {formatBytes(patchBodySize(patch))}
          </Anchor>
        </Title>
        <CopyButton value={shown}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        PATCH /test_framework/v2/aiagents/{agentId}/ — secrets are masked here, sent as typed.
      </Text>
      {expanded && (
        <ScrollArea.Autosize id={id} mah={320} type="auto" className={classes.body}>
          <Code block aria-label="Request body">
            {shown}
          </Code>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** The open review: each change in words, the PATCH body, and Save changes. */
function ReviewContent({ baseline, changed, onSave, saving }: { baseline: ApiAgent; changed: boolean; onSave: () => void; saving: boolean }) {
  const patch = useAgentDiff();
  const lines = describePatch(baseline, patch);
  return (
    <Stack gap="md">
      {lines.length === 0 ? (
        <Text size="sm">Nothing differs from the saved agent.</Text>
      ) : (
        <Table aria-label="Changes" verticalSpacing="xs" layout="fixed" className={classes.table}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => (
              <ChangeRow key={`${line.path}:${line.field}:${index}`} line={line} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RequestBody agentId={baseline.id} />
      <Group justify="flex-end">
        <Button onClick={onSave} disabled={!changed} loading={saving}>
          Save changes
        </Button>
      </Group>
    </Stack>
  );
}

interface ReviewChangesDialogProps {
  baseline: ApiAgent;
  opened: boolean;
  onClose: () => void;
  /** Saves as the save bar does (the form's submit). */
  onSave: () => void;
  saving: boolean;
}

/**
 * Each change in words (labels, options and items as the editor names them; secrets as Set,
 * Replaced or Cleared), the PATCH body behind a disclosure, and **Save changes** (or Ctrl/Cmd+S).
 * It closes once nothing is left to review: after the save went through.
 */
export function ReviewChangesDialog({ baseline, opened, onClose, onSave, saving }: ReviewChangesDialogProps) {
  // Closed, it re-renders only when "changed" flips; the open review reads the whole PATCH.
  const changed = useHasChanges();
  const narrow = useMediaQuery('(max-width: 48em)');

  useEffect(() => {
    if (opened && !changed) onClose();
  }, [opened, changed, onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      // The page's own Ctrl/Cmd+S would save too: one save.
      event.preventDefault();
      event.stopPropagation();
      if (changed) onSave();
    }
  };

  // Mounted while closed too, so closing can return focus to Review changes.
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Review changes"
      size="xl"
      fullScreen={narrow}
      scrollAreaComponent={ScrollArea.Autosize}
      onKeyDown={onKeyDown}
    >
      {opened && <ReviewContent baseline={baseline} changed={changed} onSave={onSave} saving={saving} />}
    </Modal>
  );
}
