import { Alert, Box, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { formatBytes } from '../../../../utils/format-bytes';
import { fileBytesSent, uploadProgressStore, useUploadProgress } from '../upload-progress-store';

const filesLabel = (n: number) => (n === 1 ? '1 file' : `${n} files`);

/**
 * The upload of new knowledge-base files while an agent saves: progress with Cancel, then, on
 * failure or cancel, Retry (`UploadInFlight` and `UploadOutcome` together; the editor places
 * them apart: the progress in the sticky save bar, the outcome above it).
 */
export function UploadProgress({ onRetry }: { onRetry?: () => void }) {
  return (
    <>
      <UploadInFlight />
      <UploadOutcome onRetry={onRetry} />
    </>
  );
}

/**
 * A failed or cancelled upload: what happened to the files, and Retry upload. Retry submits the
 * enclosing form unless `onRetry` is given.
 */
export function UploadOutcome({ onRetry }: { onRetry?: () => void }) {
  const state = useUploadProgress();
  if (state.status !== 'failed' && state.status !== 'cancelled') return null;
  const cancelled = state.status === 'cancelled';
  // Cancelled: the server may have stored the files before the cancel; the editor reads the
  // agent back before anything is offered again.
  const checking = cancelled && state.serverHas === undefined;
  const still = `${filesLabel(state.files)} still to upload`;
  let text: string;
  if (state.status === 'failed') text = `${state.message.replace(/\.$/, '')}. ${still}: nothing was lost. Save again to send them.`;
  else if (checking) text = `Checking whether the server had already received them… ${still} until then.`;
  else if (state.serverHas === false) text = `The server did not receive them: nothing was lost. ${still}; save again to send them.`;
  else text = `Could not check whether the server had already received them (${still}). Reload the page to see the agent as saved before sending them again, or they may be added twice.`;
  return (
    <Alert
      color={cancelled ? 'yellow' : 'red'}
      title={cancelled ? (state.timedOut === true ? 'No answer to the upload' : 'Upload cancelled') : 'The files were not uploaded'}
      role="alert"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={() => uploadProgressStore.dismiss()}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text}</Text>
        {!checking && (
          <Button size="xs" variant="default" type={onRetry ? 'button' : 'submit'} onClick={onRetry}>
            Retry upload
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * The upload in flight: the files being read, then sent, in the files' own bytes, with Cancel
 * upload. Place it outside anything disabled while saving, or Cancel upload cannot be pressed.
 */
export function UploadInFlight() {
  const state = useUploadProgress();
  if (state.status !== 'reading' && state.status !== 'uploading') return null;
  const uploading = state.status === 'uploading';
  const percent = uploading && state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : 0;
  const sent = uploading ? fileBytesSent(state) : null;
  return (
    <Box role="region" aria-label="Upload progress" miw={0} style={{ flex: '1 1 16rem' }}>
      <Stack gap={4}>
        <Text size="sm" aria-live="polite">
          {sent
            ? `Uploading ${filesLabel(state.files)}: ${percent}% (${formatBytes(sent.loaded)} of ${formatBytes(sent.total)})`
            : `Reading ${filesLabel(state.files)} before uploading…`}
        </Text>
        <Group wrap="nowrap" gap="sm">
          <Progress value={percent} animated={!uploading} striped={!uploading} aria-label="Upload progress" style={{ flex: 1 }} />
          <Button size="xs" variant="default" color="red" onClick={() => uploadProgressStore.cancel()}>
            Cancel upload
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
