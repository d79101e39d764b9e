import { Anchor, Breadcrumbs, Group, Stack, Text } from '@mantine/core';
import type { ApiAgent } from '../../../agent/api-schema';
import { AnchorLink } from '../../../ui/anchor-link';
import { PageHeading } from '../../../ui/page-heading';
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
        <Anchor component="span" fz="sm" c="dimmed" underline="never" aria-current="page">
          {agentDisplayName(agent)}
        </Anchor>
      </Breadcrumbs>
      <PageHeading>{agentDisplayName(agent)}</PageHeading>
      <Group gap="md">
        <Text size="sm" c="dimmed">
          ID <Text span ff="monospace" size="sm">{agent.id}</Text>
        </Text>
        <Text size="sm" c="dimmed">
          Last updated {formatDateTime(agent.updated_at)}
        </Text>
      </Group>
    </Stack>
  );
}
