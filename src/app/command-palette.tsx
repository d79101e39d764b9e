// The command palette's code and styles: loaded the first time it opens (command-palette-launcher.tsx).
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/spotlight/styles.css';
import { Box, Loader, Text } from '@mantine/core';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import type { SpotlightStore } from '@mantine/spotlight';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAgentSearch } from '../api/use-agent-search';
import { allCommands, useRegisteredCommands } from '../ui/command-registry';
import { useStore } from '../utils/create-store';
import { commandPaletteOpen } from './command-palette-state';
import { paletteSections } from './command-palette-items';
import classes from './command-palette.module.css';
import { SearchIcon } from './header-icons';

const [store, palette] = createSpotlight();
const RESULTS_ID = 'command-palette-results';
const AGENTS_SHOWN = 8;
const SEARCH_DEBOUNCE_MS = 250;

/** Marks the first row as the one Enter runs (Spotlight marks rows in the DOM, and only as the query changes). */
function selectFirstRow(spotlightStore: SpotlightStore) {
  const list = document.getElementById(RESULTS_ID);
  if (list === null) return;
  list.querySelectorAll('[data-selected]').forEach((row) => row.removeAttribute('data-selected'));
  list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
  spotlightStore.updateState((state) => ({ ...state, selected: 0 }));
}

/**
 * Jump anywhere (Ctrl/Cmd+K): agents by name or id (the server's search), the open agent's tabs
 * and the actions that apply now (the commands pages register), Sign out. Enter runs the marked
 * row once the palette has closed and focus is back where it was, so a dialog a command opens
 * (Review changes, Discard's confirm) keeps its focus.
 */
export function CommandPalette() {
  const open = useStore(commandPaletteOpen);
  useEffect(() => {
    if (open) palette.open();
    else palette.close();
  }, [open]);

  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  // Only results for what is typed now: Enter never opens an agent of an older query.
  const search = useAgentSearch(query, { pageSize: AGENTS_SHOWN, debounceMs: SEARCH_DEBOUNCE_MS, whenEmpty: 'none', enabled: open });
  const { answer, searching } = search;

  const navigate = useNavigate();
  const commands = useRegisteredCommands();
  const sections = useMemo(
    () =>
      paletteSections({
        query,
        commands: allCommands(commands),
        agents: answer ? answer.results : [],
        openAgent: (id) => void navigate({ to: '/agents/$agentId/$section', params: { agentId: String(id), section: 'general' } }),
      }),
    [query, commands, answer, navigate],
  );

  const rows = sections.flatMap((s) => s.items.map((item) => item.id)).join('\n');
  useEffect(() => {
    if (open && trimmed !== '') selectFirstRow(store);
  }, [rows, open, trimmed]);

  const pending = useRef<(() => void) | null>(null);
  const runPending = () => {
    const run = pending.current;
    pending.current = null;
    run?.();
  };

  const status = search.isError
    ? 'Could not search the agents.'
    : searching
      ? 'Searching agents…'
      : answer
        ? `${answer.count} agent${answer.count === 1 ? '' : 's'} match${answer.count === 1 ? 'es' : ''}${answer.count > AGENTS_SHOWN ? `, first ${AGENTS_SHOWN} shown` : ''}.`
        : 'Type a name or an id to find an agent.';

  return (
    <Spotlight.Root
      store={store}
      shortcut={null}
      query={query}
      onQueryChange={setQuery}
      onSpotlightClose={() => commandPaletteOpen.set(false)}
      transitionProps={{ duration: 150, transition: 'pop', onExited: runPending }}
      scrollable
      maxHeight={460}
      classNames={{ action: classes.action }}
      attributes={{ content: { 'aria-label': 'Search agents and commands' } }}
    >
      <Spotlight.Search
        aria-label="Search agents, tabs and commands"
        aria-controls={RESULTS_ID}
        placeholder="Agent name or id, a tab, an action…"
        leftSection={<SearchIcon />}
      />
      {sections.length > 0 && (
        <Spotlight.ActionsList id={RESULTS_ID}>
          {sections.map(({ group, items }) => (
            <Box key={group} role="group" aria-labelledby={`command-palette-${group}`}>
              <Text id={`command-palette-${group}`} size="xs" fw={700} c="dimmed" tt="uppercase" px="md" pt="xs" pb={4}>
                {group}
              </Text>
              {items.map((item) => (
                <Spotlight.Action
                  key={item.id}
                  label={item.label}
                  description={item.description}
                  onClick={() => {
                    pending.current = item.run;
                  }}
                />
              ))}
            </Box>
          ))}
        </Spotlight.ActionsList>
      )}
      {sections.length === 0 && !searching && <Spotlight.Empty>Nothing matches “{trimmed}”.</Spotlight.Empty>}
      <Text size="xs" c="dimmed" px="md" py="xs" className={classes.status} role="status">
        {searching && <Loader size={10} mr={6} aria-hidden="true" />}
        {status} ↑↓ to choose, Enter to open, Esc to close.
      </Text>
    </Spotlight.Root>
  );
}
