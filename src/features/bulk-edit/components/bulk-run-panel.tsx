import { Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useStore } from '../../../utils/create-store';
import type { AgentRunResult, BulkRun } from '../bulk-run';

const FINISHED = new Set<AgentRunResult['status']>(['saved', 'skipped', 'failed', 'not-sent']);

interface BulkRunPanelProps {
  run: BulkRun;
  title: string;
  names: ReadonlyMap<number, string>;
  /** What a saved agent is called here ("Saved", "Put back"). */
  savedWord: string;
  /** Offers Retry failed (the latest run only, so one such button shows at a time). */
  canRetry: boolean;
}

function resultInWords(result: AgentRunResult, savedWord: string): string {
  switch (result.status) {
    case 'waiting':
      return result.message ?? 'Waiting';
    case 'working':
      return 'Sending…';
    case 'saved':
      return savedWord;
    case 'skipped':
      return 'Skipped: nothing to change';
    case 'failed':
      return `Failed: ${result.message ?? 'unknown error'}`;
    case 'not-sent':
      return 'Not sent: cancelled';
  }
}

/** A bulk run as it goes: the progress (N of M), each agent's result, Cancel and Retry failed. */
export function BulkRunPanel({ run, title, names, savedWord, canRetry }: BulkRunPanelProps) {
  const state = useStore(run.store);
  const total = state.results.length;
  const done = state.results.filter((r) => FINISHED.has(r.status)).length;
  const failed = state.results.filter((r) => r.status === 'failed').length;
  const headingId = `bulk-run-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} fz="lg" id={headingId}>
          {title}
        </Title>
        <Progress value={total === 0 ? 100 : (done / total) * 100} aria-label={`${title} progress`} size="lg" animated={state.running} />
        <Text size="sm" aria-live="polite">
          {done} of {total}
          {state.running ? (state.cancelled ? ': cancelling, the requests in flight finish' : '') : ': finished'}
        </Text>
        <Table aria-label={`${title} results`} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Agent</Table.Th>
              <Table.Th scope="col">Result</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.results.map((result) => (
              <Table.Tr key={result.id}>
                <Table.Td>{names.get(result.id) ?? `Agent ${result.id}`}</Table.Td>
                <Table.Td c={result.status === 'failed' ? 'red.8' : undefined}>{resultInWords(result, savedWord)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group gap="sm">
          {state.running && (
            <Button variant="default" onClick={run.cancel} disabled={state.cancelled}>
              Cancel
            </Button>
          )}
          {!state.running && canRetry && failed > 0 && (
            <Button variant="default" onClick={() => void run.retryFailed()}>
              Retry failed
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
