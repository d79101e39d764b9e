import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { MoonIcon, SunIcon } from './header-icons';

/**
 * Light or dark: the system's until the user picks one here; Mantine's colour-scheme manager
 * keeps the pick in localStorage, so it holds after a reload and in new tabs.
 */
export function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon variant="default" size={36} aria-label={`Switch to ${next} mode`} onClick={() => setColorScheme(next)}>
      {next === 'dark' ? <MoonIcon /> : <SunIcon />}
    </ActionIcon>
  );
}
