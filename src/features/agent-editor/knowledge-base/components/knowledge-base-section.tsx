import { Alert, Anchor, Badge, Button, CloseButton, Group, Progress, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useEffect } from 'react';
import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import type { AgentFormValues } from '../../../../agent/form-schema';
import { formatBytes } from '../../../../utils/format-bytes';
import { formatDateTime } from '../../../../utils/format-date-time';
import { whenIdle } from '../../../../utils/when-idle';
import { useLoadedAgent } from '../../loaded-agent-context';
import { addPendingFile, isPendingFileToken, prepareFileReading, releasePendingFilesExcept } from '../pending-files';
import { uploadProgressStore, useUploadProgress } from '../upload-progress-store';
import { usePendingFileState } from '../use-pending-file-state';
import { KnowledgeBaseDropzone } from './knowledge-base-dropzone';
import { ItemFilter, ItemPager, needsPaging, usePagedItems } from '../../../../ui/paged-items';
import reflow from '../../../../ui/reflow-table.module.css';

/**
 * On a phone (below this breakpoint) the file tables reflow into the screen: the columns shown
 * from it up are hidden, so each row's name, status badge and Remove stay in view.
 */
const WIDE = 'sm';

/** Files from this size up show a reading progress bar; smaller ones are read in a blink. */
const LARGE_FILE_BYTES = 1024 * 1024;

interface PendingFileRowProps {
  fileName: string;
  fileSize: number | null;
  token: string | undefined;
  error: string | undefined;
  onRemove: () => void;
}

function PendingFileStatus({ fileName, fileSize, token }: Pick<PendingFileRowProps, 'fileName' | 'fileSize' | 'token'>) {
  const state = usePendingFileState(token);
  if (state === undefined) {
    return (
      <Text size="sm" c="var(--mantine-color-error)">
        Not available any more: remove it and add it again
      </Text>
    );
  }
  if (state.status === 'failed') {
    return (
      <Text size="sm" c="var(--mantine-color-error)">
        Could not be read: {state.message}
      </Text>
    );
  }
  if (state.status === 'ready') {
    return (
      <Badge size="sm" variant="light">
        To upload
      </Badge>
    );
  }
  const percent = state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : 0;
  if ((fileSize ?? 0) < LARGE_FILE_BYTES) return <Text size="sm">Reading…</Text>;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={percent} w={120} aria-label={`Reading ${fileName}`} />
      <Text size="xs" c="dimmed">
        {percent}%
      </Text>
    </Group>
  );
}

function PendingFileRow({ fileName, fileSize, token, error, onRemove }: PendingFileRowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{fileName}</Text>
        {error !== undefined && (
          <Text size="xs" c="var(--mantine-color-error)">
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom={WIDE}>{formatBytes(fileSize)}</Table.Td>
      <Table.Td>
        <PendingFileStatus fileName={fileName} fileSize={fileSize} token={token} />
      </Table.Td>
      <Table.Td>
        <CloseButton aria-label={`Remove ${fileName}`} onClick={onRemove} />
      </Table.Td>
    </Table.Tr>
  );
}

/** A file table's header: the named columns (those in `wideOnly` hidden on a phone), then one for the row's buttons. */
function FileTableHead({ columns, wideOnly = [] }: { columns: string[]; wideOnly?: string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column} visibleFrom={wideOnly.includes(column) ? WIDE : undefined}>
            {column}
          </Table.Th>
        ))}
        <Table.Th>
          <VisuallyHidden>Actions</VisuallyHidden>
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

/**
 * The agent's knowledge-base files: a full set. Kept files are sent as `{id}`; a file removed
 * here is deleted when the agent is saved, so removing asks first and can be undone until then.
 * New files are read off the main thread as soon as they are dropped and upload on save.
 */
export function KnowledgeBaseSection() {
  const agent = useLoadedAgent();
  const { control, getValues } = useFormContext<AgentFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'knowledge_base_files', keyName: 'key' });
  const { errors } = useFormState({ control, name: 'knowledge_base_files' });
  const upload = useUploadProgress();
  const uploading = upload.status === 'reading' || upload.status === 'uploading';

  const loadedFiles = agent.knowledge_base_files ?? [];
  const keptIds = new Set(fields.map((f) => f.id));
  const removed = loadedFiles.filter((f) => !keptIds.has(f.id));
  const rows = fields.map((field, index) => ({ field, index }));
  const kept = rows.filter((r) => r.field.id !== undefined);
  const pending = rows.filter((r) => r.field.id === undefined);
  const paged = usePagedItems({ count: kept.length, pageSize: 20, names: () => kept.map((r) => r.field.file_name) });
  const paging = needsPaging(paged);
  const shownKept = paged.indices.flatMap((i) => (kept[i] ? [kept[i]] : []));

  // The encode workers start once the tab is shown and the browser is idle, not with the first drop.
  useEffect(() => whenIdle(prepareFileReading), []);

  // The form is the source of truth: a pending file it no longer holds (removed, discarded,
  // saved) is forgotten, its reading stopped and its base64 freed.
  const tokenKey = fields.flatMap((f) => (isPendingFileToken(f.content_base64) ? [f.content_base64] : [])).join(' ');
  useEffect(() => {
    releasePendingFilesExcept(tokenKey === '' ? [] : tokenKey.split(' '));
    if (tokenKey === '') uploadProgressStore.dismiss();
  }, [tokenKey]);

  function addFiles(files: File[]) {
    append(
      files.map((file) => ({ file_name: file.name, file_size: file.size, content_base64: addPendingFile(file) })),
      { shouldFocus: false },
    );
  }

  function confirmRemove(index: number, fileName: string) {
    modals.openConfirmModal({
      title: `Remove ${fileName}?`,
      children: <Text size="sm">The file is deleted from this agent when you save. Until then you can undo this.</Text>,
      labels: { confirm: 'Remove file', cancel: 'Keep file' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove(index),
    });
  }

  const errorOf = (index: number): string | undefined => {
    const item = errors.knowledge_base_files?.[index];
    return item?.file_name?.message ?? item?.content_base64?.message ?? item?.id?.message;
  };
  const setError = errors.knowledge_base_files?.message ?? errors.knowledge_base_files?.root?.message;

  return (
    <Stack gap="md" maw={960}>
      <Text size="sm" c="dimmed">
        Documents the agent can draw on: pdf, txt, json, csv, xml or md, up to 50 MB each.
      </Text>
      {setError !== undefined && (
        <Alert color="red" role="alert" title="The files were not accepted">
          {setError}
        </Alert>
      )}
      {paging && (
        <Group justify="space-between" align="flex-end" gap="sm">
          <ItemFilter paged={paged} itemName="files" />
          <ItemPager paged={paged} itemName="files" where="top" />
        </Group>
      )}
      {kept.length === 0 ? (
        <Text size="sm">{pending.length === 0 ? 'No files.' : 'No uploaded files yet.'}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} classNames={{ scrollContainerInner: reflow.inner }}>
          <Table striped verticalSpacing="xs" aria-label="Knowledge-base files">
            <FileTableHead columns={['Name', 'Type', 'Size', 'Uploaded']} wideOnly={['Type', 'Uploaded']} />
            <Table.Tbody>
              {shownKept.map(({ field, index }) => {
                const server = loadedFiles.find((f) => f.id === field.id);
                const error = errorOf(index);
                return (
                  <Table.Tr key={field.key}>
                    <Table.Td>
                      {server?.file_url ? (
                        <Anchor href={server.file_url} target="_blank" rel="noreferrer" size="sm">
                          {field.file_name}
                        </Anchor>
                      ) : (
                        <Text size="sm">{field.file_name}</Text>
                      )}
                      {error !== undefined && (
                        <Text size="xs" c="var(--mantine-color-error)">
                          {error}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom={WIDE}>{server?.file_type ?? field.file_name.split('.').pop()}</Table.Td>
                    <Table.Td>{formatBytes(server?.file_size ?? field.file_size)}</Table.Td>
                    <Table.Td visibleFrom={WIDE}>{formatDateTime(server?.created_at)}</Table.Td>
                    <Table.Td>
                      <CloseButton aria-label={`Remove ${field.file_name}`} onClick={() => confirmRemove(index, field.file_name)} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {paging && paged.pages > 1 && (
        <Group justify="flex-end">
          <ItemPager paged={paged} itemName="files" where="bottom" />
        </Group>
      )}
      {removed.length > 0 && (
        <Stack gap="xs" role="region" aria-label="Files to delete">
          <Text size="sm" fw={600}>
            Deleted when you save
          </Text>
          {removed.map((file) => (
            <Group key={file.id} gap="sm">
              <Text size="sm" td="line-through">
                {file.file_name}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={`Undo removing ${file.file_name ?? 'file'}`}
                onClick={() => append({ id: file.id, file_name: file.file_name ?? '', file_size: file.file_size ?? null }, { shouldFocus: false })}
              >
                Undo
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <KnowledgeBaseDropzone
        attachedNames={() => getValues('knowledge_base_files').map((f) => f.file_name)}
        onAccept={addFiles}
        disabled={uploading}
        clearRefusedOn={agent}
      />
      {pending.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h5">
            To upload
          </Title>
          <Table.ScrollContainer minWidth={480} classNames={{ scrollContainerInner: reflow.inner }}>
            <Table verticalSpacing="xs" aria-label="Files to upload">
              <FileTableHead columns={['Name', 'Size', 'Status']} wideOnly={['Size']} />
              <Table.Tbody>
                {pending.map(({ field, index }) => (
                  <PendingFileRow
                    key={field.key}
                    fileName={field.file_name}
                    fileSize={field.file_size}
                    token={field.content_base64}
                    error={errorOf(index)}
                    onRemove={() => remove(index)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}
