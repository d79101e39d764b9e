import { Badge, Box, Checkbox, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ApiAgentSummary } from '../../../agent/api-schema';
import { LANGUAGES } from '../../../agent/constants';
import { AnchorLink } from '../../../ui/anchor-link';
import { formatDateTime } from '../../../utils/format-date-time';
import classes from './agents-table.module.css';

const COLUMNS = ['Name', 'ID', 'Project', 'Provider', 'Language', 'Phone number', 'Last updated'] as const;
type Column = (typeof COLUMNS)[number];
/** What a phone shows (below `sm`): the table reflows to these instead of scrolling sideways. */
const ON_A_PHONE: ReadonlySet<Column> = new Set(['Name', 'Provider']);
/** `visibleFrom` of a column's cells: the others show from `sm` up. */
const shownFrom = (column: Column) => (ON_A_PHONE.has(column) ? undefined : 'sm');

function languageLabel(code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return code in LANGUAGES ? LANGUAGES[code as keyof typeof LANGUAGES] : code;
}

/** Ticking agents: which are ticked, and how to tick one or the whole page. */
export interface AgentsSelection {
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], on: boolean) => void;
}

function Head({ select }: { select?: { all: boolean; some: boolean; onChange: (on: boolean) => void } }) {
  return (
    <thead>
      <tr>
        <Box component="th" scope="col" w={48}>
          {select ? (
            <Checkbox
              aria-label="Select all agents on this page"
              checked={select.all}
              indeterminate={select.some && !select.all}
              onChange={(event) => select.onChange(event.currentTarget.checked)}
            />
          ) : (
            <VisuallyHidden>Select</VisuallyHidden>
          )}
        </Box>
        {COLUMNS.map((column) => (
          <Box component="th" key={column} scope="col" visibleFrom={shownFrom(column)}>
            {column}
          </Box>
        ))}
      </tr>
    </thead>
  );
}

function Frame({ children, label, select }: { children: ReactNode; label: string; select?: Parameters<typeof Head>[0]['select'] }) {
  return (
    <div className={classes.scroll}>
      <div className={classes.inner}>
        <table className={classes.table} aria-label={label}>
          <Head select={select} />
          <tbody>{children}</tbody>
        </table>
      </div>
    </div>
  );
}

const nameOf = (agent: ApiAgentSummary) => (agent.name !== null && agent.name !== undefined && agent.name !== '' ? agent.name : `Agent ${agent.id}`);

/**
 * The agents; the name is the link (keyboard, middle-click), and a click anywhere on a row opens
 * it too, but for its checkbox, which ticks it for a bulk edit.
 */
export function AgentsTable({
  agents,
  projectNames,
  selection,
}: {
  agents: ApiAgentSummary[];
  projectNames: ReadonlyMap<number, string>;
  selection: AgentsSelection;
}) {
  const navigate = useNavigate();
  const ticked = agents.filter((agent) => selection.selected.has(agent.id)).length;
  const pageIds = agents.map((agent) => agent.id);
  return (
    <Frame
      label="Agents"
      select={{ all: ticked > 0 && ticked === agents.length, some: ticked > 0, onChange: (on) => selection.onSelect(pageIds, on) }}
    >
      {agents.map((agent) => (
        <tr
          key={agent.id}
          className={classes.row}
          onClick={(event) => {
            if ((event.target as Element).closest('a, [data-select-cell]') !== null || window.getSelection()?.toString()) return;
            void navigate({ to: '/agents/$agentId/$section', params: { agentId: String(agent.id), section: 'general' } });
          }}
        >
          <td data-select-cell className={classes.selectCell}>
            <Checkbox
              aria-label={`Select ${nameOf(agent)}`}
              checked={selection.selected.has(agent.id)}
              onChange={(event) => selection.onSelect([agent.id], event.currentTarget.checked)}
            />
          </td>
          <td>
            <AnchorLink to="/agents/$agentId/$section" params={{ agentId: String(agent.id), section: 'general' }} fw={600}>
              {nameOf(agent)}
            </AnchorLink>
            <Text size="xs" c="dimmed" hiddenFrom="sm">
              ID {agent.id} · {formatDateTime(agent.updated_at)}
            </Text>
          </td>
          <Box component="td" ff="monospace" fz="sm" visibleFrom={shownFrom('ID')}>
            {agent.id}
          </Box>
          <Box component="td" visibleFrom={shownFrom('Project')}>
            {agent.project === null || agent.project === undefined
              ? '—'
              : (projectNames.get(agent.project) ?? `Project ${agent.project}`)}
          </Box>
          <td>
            {agent.provider?.type ? (
              <Badge variant="outline" radius="sm" tt="none">
                {agent.provider.type}
              </Badge>
            ) : (
              '—'
            )}
          </td>
          <Box component="td" visibleFrom={shownFrom('Language')}>
            {languageLabel(agent.language)}
          </Box>
          <Box component="td" ff="monospace" fz="sm" className={classes.nowrap} visibleFrom={shownFrom('Phone number')}>
            {agent.telephony?.phone_number ?? '—'}
          </Box>
          <Box component="td" className={classes.nowrap} visibleFrom={shownFrom('Last updated')}>
            <Text span fz="sm">
              {formatDateTime(agent.updated_at)}
            </Text>
          </Box>
        </tr>
      ))}
    </Frame>
  );
}

export function AgentsTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Frame label="Loading agents">
      {Array.from({ length: rows }, (_, row) => (
        <tr key={row} aria-hidden="true">
          <td />
          {COLUMNS.map((column) => (
            <Box component="td" key={column} visibleFrom={shownFrom(column)}>
              <Skeleton height={14} radius="sm" width={column === 'Name' ? '80%' : '60%'} />
            </Box>
          ))}
        </tr>
      ))}
    </Frame>
  );
}
