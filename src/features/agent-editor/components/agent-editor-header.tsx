import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ApiAgent } from '../../../agent/api-schema';
import { AnchorLink } from '../../../ui/anchor-link';
import { formatDateTime } from '../../../utils/format-date-time';

export function agentDisplayName(agent: ApiAgent): string {
  return agent.name !== null && agent.name !== undefined && agent.name !== '' ? agent.name : `Agent ${agent.id}`;
}

/** Breadcrumbs, the agent's saved name as the page heading, its id and last update. */
export function AgentEditorHeader({ agent }: { agent: ApiAgent }) {
  return (
    <Stack gap={6}>
      <Breadcrumbs separator="/" fz="sm">
        <AnchorLink to="/agents" fz="sm">
          Agents
        </AnchorLink>
        <Anchor component="span" fz="sm" c="gray.7" underline="never" aria-current="page">
          {agentDisplayName(agent)}
        </Anchor>
      </Breadcrumbs>
      <Title order={1}>{agentDisplayName(agent)}</Title>
      <Group gap="md">
        <Text size="sm" c="gray.7">
          ID <Text span ff="monospace" size="sm">{agent.id}</Text>
        </Text>
        <Text size="sm" c="gray.7">
          Last updated {formatDateTime(agent.updated_at)}
        </Text>
      </Group>
    </Stack>
  );
}
