import { Badge, Code, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApiAgent } from '../../../agent/api-schema';
import type { BulkChange } from '../../../agent/bulk-patch';
import type { AgentWrite } from '../../../agent/write-types';
import { changeInWords, patchForDisplay } from '../bulk-words';
import classes from './bulk-preview.module.css';

export interface AgentPreview {
  agent: ApiAgent;
  name: string;
  changes: BulkChange[];
  patch: AgentWrite | null;
}

/**
 * Before sending: what changes on each agent, in words; the agents where nothing would change
 * are listed as skipped; each agent's exact PATCH opens on demand (the secret masked).
 */
export function BulkPreview({ previews, projectNames }: { previews: readonly AgentPreview[]; projectNames: ReadonlyMap<number, string> }) {
  const skipped = previews.filter((p) => p.patch === null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="bulk-preview-title">
      <Title order={2} fz="lg" id="bulk-preview-title">
        Preview
      </Title>
      <Text size="sm" c="gray.7">
        {previews.length - skipped.length} of {previews.length} agents would change; each is read again just before its PATCH.
      </Text>
      <Stack gap="xs" component="ul" className={classes.list} aria-label="Agents in this bulk edit">
        {previews.map(({ agent, name, changes, patch }) => (
          <Paper component="li" key={agent.id} withBorder radius="sm" p="sm" aria-label={name}>
            <Stack gap={6}>
              <Text fw={600}>
                {name}{' '}
                <Text span c="gray.7" fz="sm" ff="monospace">
                  #{agent.id}
                </Text>{' '}
                {patch === null && (
                  <Badge variant="light" color="gray.8" tt="none">
                    Skipped: nothing would change
                  </Badge>
                )}
              </Text>
              {changes.length > 0 && (
                <List size="sm" spacing={2}>
                  {changes.map((change) => (
                    <List.Item key={`${change.kind}:${change.kind === 'field' ? change.field : `${change.collection}:${change.name}`}`}>{changeInWords(change, projectNames)}</List.Item>
                  ))}
                </List>
              )}
              {patch !== null && (
                <details className={classes.details}>
                  <summary>Show the PATCH for {name}</summary>
                  <Code block mt="xs" aria-label={`PATCH for ${name}`}>
                    {patchForDisplay(patch)}
                  </Code>
                </details>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
