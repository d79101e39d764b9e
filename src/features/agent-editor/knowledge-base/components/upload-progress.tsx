import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { formatBytes } from '../../../../utils/format-bytes';
import { uploadProgressStore, useUploadProgress } from '../upload-progress-store';

const filesLabel = (n: number) => (n === 1 ? '1 file' : `${n} files`);

/**
 * The upload of new knowledge-base files while an agent saves: progress with Cancel, then, on
 * failure or cancel, Retry. Retry submits the enclosing form unless `onRetry` is given. Place it
 * inside the form but outside anything disabled while saving, or Cancel cannot be pressed.
 */
export function UploadProgress({ onRetry }: { onRetry?: () => void }) {
  const state = useUploadProgress();
  if (state.status === 'idle') return null;

  if (state.status === 'failed' || state.status === 'cancelled') {
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

  const uploading = state.status === 'uploading';
  const percent = uploading && state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : 0;
  return (
    <Paper withBorder radius="md" p="sm" role="region" aria-label="Upload progress">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm" aria-live="polite">
            {uploading
              ? `Uploading ${filesLabel(state.files)}: ${percent}% (${formatBytes(state.loaded)} of ${formatBytes(state.total)})`
              : `Reading ${filesLabel(state.files)} before uploading…`}
          </Text>
          <Button size="xs" variant="default" color="red" onClick={() => uploadProgressStore.cancel()}>
            Cancel upload
          </Button>
        </Group>
        <Progress value={percent} animated={!uploading} striped={!uploading} aria-label="Upload progress" />
      </Stack>
    </Paper>
  );
}
