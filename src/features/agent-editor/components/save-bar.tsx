import { Button, Group, Paper, Text } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import type { ApiAgent } from '../../../agent/api-schema';
import { buildAgentPatch } from '../../../agent/build-agent-patch';
import type { AgentFormValues } from '../../../agent/form-schema';

/**
 * Save and Discard. "Changed" is the value diff against the agent as loaded (`buildAgentPatch`
 * is `{}`), not react-hook-form's dirty state: a field typed back to its old value is unchanged.
 */
export function SaveBar({ baseline, saving }: { baseline: ApiAgent; saving: boolean }) {
  const { control, getValues, reset } = useFormContext<AgentFormValues>();
  useWatch({ control }); // re-render on every edit; the values are read whole below
  const changed = Object.keys(buildAgentPatch(baseline, getValues())).length > 0;

  return (
    <Paper
      withBorder
      shadow="md"
      radius="md"
      p="sm"
      px="md"
      pos="sticky"
      bottom={16}
      style={{ zIndex: 2 }}
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="gray.7" aria-live="polite">
          {saving ? 'Saving…' : changed ? 'You have unsaved changes.' : 'No unsaved changes.'}
        </Text>
        <Group gap="sm">
          <Button variant="default" disabled={!changed || saving} onClick={() => reset()}>
            Discard changes
          </Button>
          <Button type="submit" disabled={!changed} loading={saving}>
            Save changes
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
