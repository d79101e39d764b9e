import '@mantine/dropzone/styles.css';
import { Alert, List, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useId, useState } from 'react';
import { classifyDroppedFiles, KB_ACCEPT_ATTRIBUTE } from '../classify-files';
import type { RejectedFile } from '../classify-files';

export const DROPZONE_LABEL = 'Drop knowledge-base files here or browse';

interface KnowledgeBaseDropzoneProps {
  /** Names already attached (kept and pending): a new file may not take one. */
  attachedNames: () => Iterable<string>;
  /** The accepted files of a drop or a pick, in order. */
  onAccept: (files: File[]) => void;
  disabled?: boolean;
}

/**
 * The drop zone: several files at once, or click (Enter / Space) to browse. Every file goes
 * through `classifyDroppedFiles`, so each refused one is named with its reason while the rest of
 * the drop is kept.
 */
export function KnowledgeBaseDropzone({ attachedNames, onAccept, disabled = false }: KnowledgeBaseDropzoneProps) {
  const [rejected, setRejected] = useState<RejectedFile[]>([]);
  const hintId = useId();

  function handleFiles(files: File[]) {
    const result = classifyDroppedFiles(files, attachedNames());
    setRejected(result.rejected);
    if (result.accepted.length > 0) onAccept(result.accepted);
  }

  return (
    <Stack gap="xs">
      <Dropzone
        onDrop={handleFiles}
        multiple
        disabled={disabled}
        role="button"
        aria-label={DROPZONE_LABEL}
        aria-describedby={hintId}
        // display: none keeps the input out of the tab order and out of the button (an input
        // inside role="button" is a nested interactive control); the zone opens it.
        inputProps={{ 'aria-label': 'Choose knowledge-base files', accept: KB_ACCEPT_ATTRIBUTE, style: { display: 'none' } }}
        p="lg"
      >
        <Stack gap={4} align="center" style={{ pointerEvents: 'none' }}>
          <Text fw={600}>
            <Dropzone.Idle>Drag files here or click to browse</Dropzone.Idle>
            <Dropzone.Accept>Drop to add the files</Dropzone.Accept>
            <Dropzone.Reject>Some of these files cannot be added</Dropzone.Reject>
          </Text>
          <Text size="sm" c="gray.7" id={hintId}>
            pdf, txt, json, csv, xml or md, up to 50 MB each. Files upload when you save.
          </Text>
        </Stack>
      </Dropzone>
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
