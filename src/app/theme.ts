import { createTheme } from '@mantine/core';
import type { CSSVariablesResolver } from '@mantine/core';

// Shade 8 of the primary colour keeps white text on filled buttons above 4.5:1 (axe color-contrast).
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

// Mantine's light-scheme error (red 6) and dimmed (gray 6) text fall under 4.5:1 on white.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
