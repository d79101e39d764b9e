import { Alert, List, Paper, Stack, Text } from '@mantine/core';
import type { DragEvent, KeyboardEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { classifyDroppedFiles, KB_ACCEPT_ATTRIBUTE } from '../classify-files';
import type { RejectedFile } from '../classify-files';

export const DROPZONE_LABEL = 'Drop knowledge-base files here or browse';

interface KnowledgeBaseDropzoneProps {
  /** Names already attached (kept and pending): a new file may not take one. */
  attachedNames: () => Iterable<string>;
  /** The accepted files of a drop or a pick, in order. */
  onAccept: (files: File[]) => void;
  disabled?: boolean;
  /** The refused files' message goes when this changes (the agent as saved, after a save or a restore). */
  clearRefusedOn?: unknown;
}

/**
 * The drop zone: several files at once, or click (Enter / Space) to browse. Every file goes
 * through `classifyDroppedFiles`, so each refused one is named with its reason while the rest of
 * the drop is kept.
 *
 * Built on the platform's drag-and-drop events rather than Mantine's Dropzone: that package and
 * its three dependencies declare Node ≥ 22, which the machines that build this app do not run,
 * and the zone needs only a drop, a picker and a highlight (the reasons come from our own rules).
 */
export function KnowledgeBaseDropzone({ attachedNames, onAccept, disabled = false, clearRefusedOn }: KnowledgeBaseDropzoneProps) {
  const [rejected, setRejected] = useState<RejectedFile[]>([]);
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [refusedFor, setRefusedFor] = useState(clearRefusedOn);
  if (refusedFor !== clearRefusedOn) {
    setRefusedFor(clearRefusedOn);
    setRejected([]);
  }
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  function handleFiles(files: File[]) {
    const result = classifyDroppedFiles(files, attachedNames());
    setRejected(result.rejected);
    if (result.accepted.length > 0) onAccept(result.accepted);
  }

  const browse = () => {
    if (!disabled) input.current?.click();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    browse();
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault(); // what makes the element a drop target
    const transfer = event.dataTransfer as DataTransfer | null;
    if (transfer) transfer.dropEffect = disabled ? 'none' : 'copy';
    if (!disabled) setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const transfer = event.dataTransfer as DataTransfer | null;
    if (!disabled && transfer) handleFiles(Array.from(transfer.files));
  };

  return (
    <Stack gap="xs">
      <Paper
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-label={DROPZONE_LABEL}
        aria-describedby={hintId}
        aria-disabled={disabled || undefined}
        withBorder
        radius="md"
        p="lg"
        onClick={browse}
        onKeyDown={onKeyDown}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          cursor: disabled ? 'not-allowed' : 'pointer',
          opacity: disabled ? 0.6 : 1,
          borderColor: dragging ? 'var(--mantine-primary-color-filled)' : undefined,
          backgroundColor: dragging ? 'var(--mantine-primary-color-light)' : undefined,
        }}
      >
        <Stack gap={4} align="center" style={{ pointerEvents: 'none' }}>
          <Text fw={600}>{dragging ? 'Drop to add the files' : 'Drag files here or click to browse'}</Text>
          <Text size="sm" c="dimmed" id={hintId}>
            pdf, txt, json, csv, xml or md, up to 50 MB each. Files upload when you save.
          </Text>
        </Stack>
      </Paper>
      {/* Beside the zone, not in it: an input inside role="button" is a nested interactive control. */}
      <input
        ref={input}
        type="file"
        multiple
        accept={KB_ACCEPT_ATTRIBUTE}
        aria-label="Choose knowledge-base files"
        disabled={disabled}
        tabIndex={-1}
        style={{ display: 'none' }}
        onChange={(event) => {
          handleFiles(Array.from(event.currentTarget.files ?? []));
          event.currentTarget.value = ''; // the same file can be picked again after a removal
        }}
      />
      {rejected.length > 0 && (
        <Alert
          color="red"
          title={rejected.length === 1 ? '1 file was not added' : `${rejected.length} files were not added`}
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setRejected([])}
        >
          <List size="sm" spacing={2}>
            {rejected.map((file, index) => (
              <List.Item key={`${file.name}-${index}`}>
                <Text span size="sm" fw={600}>
                  {file.name}
                </Text>
                : {file.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
