import { Box, Button, Kbd } from '@mantine/core';
import { useHotkeys, useOs } from '@mantine/hooks';
import { Suspense, lazy, useState } from 'react';
import { commandPaletteOpen } from './command-palette-state';
import { SearchIcon } from './header-icons';

const loadPalette = () => import('./command-palette');
const CommandPalette = lazy(() => loadPalette().then((module) => ({ default: module.CommandPalette })));

/**
 * The header's "Search agents and commands" button and Ctrl/Cmd+K (also from inside a text
 * field): both open the command palette, whose code loads on first use (or on hovering or
 * focusing the button), so a first visit does not download it.
 */
export function CommandPaletteLauncher() {
  const [wanted, setWanted] = useState(false);
  const os = useOs();
  const toggle = () => {
    setWanted(true);
    commandPaletteOpen.set((open) => !open);
  };
  useHotkeys([['mod+K', toggle]], []);
  const preload = () => void loadPalette().catch(() => undefined);

  return (
    <>
      <Button
        variant="default"
        size="sm"
        aria-label="Search agents and commands"
        aria-keyshortcuts={os === 'macos' || os === 'ios' ? 'Meta+K' : 'Control+K'}
        leftSection={<SearchIcon />}
        rightSection={
          <Kbd size="xs" visibleFrom="sm">
            {os === 'macos' || os === 'ios' ? '⌘ K' : 'Ctrl K'}
          </Kbd>
        }
        onClick={toggle}
        onPointerEnter={preload}
        onFocus={preload}
      >
        <Box component="span" visibleFrom="sm">
          Search
        </Box>
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <CommandPalette />
        </Suspense>
      )}
    </>
  );
}
