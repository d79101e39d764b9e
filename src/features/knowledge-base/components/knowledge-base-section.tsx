import { Anchor, Badge, Button, CloseButton, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { formatDateTime } from '../../../utils/format-date-time';
import { formatBytes } from '../../../utils/format-bytes';
import { useLoadedAgent } from '../../agent-editor/loaded-agent-context';

/**
 * The agent's knowledge-base files: a full set. Kept files are sent as `{id}`; a file removed
 * here is deleted when the agent is saved, so removing asks first and can be undone until then.
 */
export function KnowledgeBaseSection() {
  const agent = useLoadedAgent();
  const { control } = useFormContext<AgentFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'knowledge_base_files', keyName: 'key' });
  const loadedFiles = agent.knowledge_base_files ?? [];
  const keptIds = new Set(fields.map((f) => f.id));
  const removed = loadedFiles.filter((f) => !keptIds.has(f.id));

  function confirmRemove(index: number, fileName: string) {
    modals.openConfirmModal({
      title: `Remove ${fileName}?`,
      children: <Text size="sm">The file is deleted from this agent when you save. Until then you can undo this.</Text>,
      labels: { confirm: 'Remove file', cancel: 'Keep file' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove(index),
    });
  }

  return (
    <Stack gap="md" maw={960}>
      <Text size="sm" c="dimmed">
        Documents the agent can draw on: pdf, txt, json, csv, xml or md, up to 50 MB each.
      </Text>
      {fields.length === 0 ? (
        <Text size="sm">No files.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs" aria-label="Knowledge-base files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Uploaded</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field, index) => {
                const server = field.id === undefined ? undefined : loadedFiles.find((f) => f.id === field.id);
                return (
                  <Table.Tr key={field.key}>
                    <Table.Td>
                      {server?.file_url ? (
                        <Anchor href={server.file_url} target="_blank" rel="noreferrer">
                          {field.file_name}
                        </Anchor>
                      ) : (
                        <Group gap="xs">
                          <Text size="sm">{field.file_name}</Text>
                          <Badge size="sm" variant="light">
                            To upload
                          </Badge>
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>{server?.file_type ?? field.file_name.split('.').pop()}</Table.Td>
                    <Table.Td>{formatBytes(server?.file_size ?? field.file_size)}</Table.Td>
                    <Table.Td>{formatDateTime(server?.created_at)}</Table.Td>
                    <Table.Td>
                      <CloseButton
                        aria-label={`Remove ${field.file_name}`}
                        onClick={() => (server ? confirmRemove(index, field.file_name) : remove(index))}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
                onClick={() => append({ id: file.id, file_name: file.file_name ?? '', file_size: file.file_size ?? null })}
              >
                Undo
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
