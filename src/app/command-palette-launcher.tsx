import { ActionIcon, Button, Kbd } from '@mantine/core';
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
  const mac = os === 'macos' || os === 'ios';
  const launcherProps = {
    'aria-label': 'Search agents and commands',
    'aria-keyshortcuts': mac ? 'Meta+K' : 'Control+K',
    onClick: toggle,
    // Hovering or focusing the button fetches the palette's code before the click needs it.
    onPointerEnter: () => void loadPalette().catch(() => undefined),
    onFocus: () => void loadPalette().catch(() => undefined),
  };

  return (
    <>
      {/* A compact icon on a phone, so the header stays one row; the labelled button from sm up. */}
      <ActionIcon variant="default" size={36} hiddenFrom="sm" {...launcherProps}>
        <SearchIcon />
      </ActionIcon>
      <Button
        variant="default"
        size="sm"
        visibleFrom="sm"
        leftSection={<SearchIcon />}
        rightSection={<Kbd size="xs">{mac ? '⌘ K' : 'Ctrl K'}</Kbd>}
        {...launcherProps}
      >
        Search
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <CommandPalette />
        </Suspense>
      )}
    </>
  );
}
