import { Badge, Skeleton, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ApiAgentSummary } from '../../../agent/api-schema';
import { LANGUAGES } from '../../../agent/constants';
import { AnchorLink } from '../../../ui/anchor-link';
import { formatDateTime } from '../../../utils/format-date-time';

const COLUMNS = ['Name', 'ID', 'Project', 'Provider', 'Language', 'Phone number', 'Last updated'] as const;

function languageLabel(code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return code in LANGUAGES ? LANGUAGES[code as keyof typeof LANGUAGES] : code;
}

function Head() {
  return (
    <Table.Thead>
      <Table.Tr>
        {COLUMNS.map((column) => (
          <Table.Th key={column} scope="col">
            {column}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

function Frame({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={label}>
        <Head />
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The agents; the name is the link (keyboard, middle-click), and a click anywhere on a row opens it too. */
export function AgentsTable({ agents, projectNames }: { agents: ApiAgentSummary[]; projectNames: ReadonlyMap<number, string> }) {
  const navigate = useNavigate();
  return (
    <Frame label="Agents">
      {agents.map((agent) => (
        <Table.Tr
          key={agent.id}
          style={{ cursor: 'pointer' }}
          onClick={(event) => {
            if ((event.target as Element).closest('a') !== null || window.getSelection()?.toString()) return;
            void navigate({ to: '/agents/$agentId/$section', params: { agentId: String(agent.id), section: 'general' } });
          }}
        >
          <Table.Td>
            <AnchorLink to="/agents/$agentId/$section" params={{ agentId: String(agent.id), section: 'general' }} fw={600}>
              {agent.name !== null && agent.name !== undefined && agent.name !== '' ? agent.name : `Agent ${agent.id}`}
            </AnchorLink>
          </Table.Td>
          <Table.Td ff="monospace" fz="sm">
            {agent.id}
          </Table.Td>
          <Table.Td>
            {agent.project === null || agent.project === undefined
              ? '—'
              : (projectNames.get(agent.project) ?? `Project ${agent.project}`)}
          </Table.Td>
          <Table.Td>
            {agent.provider?.type ? (
              <Badge variant="outline" radius="sm" tt="none">
                {agent.provider.type}
              </Badge>
            ) : (
              '—'
            )}
          </Table.Td>
          <Table.Td>{languageLabel(agent.language)}</Table.Td>
          <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
            {agent.telephony?.phone_number ?? '—'}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Text span fz="sm">
              {formatDateTime(agent.updated_at)}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </Frame>
  );
}

export function AgentsTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Frame label="Loading agents">
      {Array.from({ length: rows }, (_, row) => (
        <Table.Tr key={row} aria-hidden="true">
          {COLUMNS.map((column) => (
            <Table.Td key={column}>
              <Skeleton height={14} radius="sm" width={column === 'Name' ? '80%' : '60%'} />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </Frame>
  );
}
