import { createTheme } from '@mantine/core';
import type { CSSVariablesResolver } from '@mantine/core';

// Shade 8 of the primary colour keeps white text on filled buttons above 4.5:1 (axe color-contrast),
// in dark too (shade 4 would put white text at 2.9:1); dark's links and outlines are lighter (below).
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // Icon-only close buttons need an accessible name (axe button-name). Plain objects, not
  // Modal.extend(…): importing the components here would put the modal (and what it pulls in) in
  // the first visit's JavaScript, which shows none.
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Alert: { defaultProps: { closeButtonLabel: 'Dismiss' } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } },
  },
});

// Mantine's error and dimmed text fall under 4.5:1 on the body in either scheme (axe): per scheme here.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--app-page-bg': 'var(--mantine-color-gray-0)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Light-variant text is shade 9; on its own tint teal, orange and yellow 9 stay under 4.5:1.
    '--mantine-color-teal-light-color': '#05634a',
    '--mantine-color-orange-light-color': '#a13a06',
    '--mantine-color-yellow-light-color': '#8a5300',
  },
  dark: {
    '--app-page-bg': 'var(--mantine-color-dark-8)',
    // Dark's error (red 8) is 3.0:1 on an input; red 4 is over 6:1.
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    // Links and outline badges are indigo 4 in dark: 3.8:1 on a hovered table row; indigo 3 is 4.9:1.
    '--mantine-color-anchor': 'var(--mantine-color-indigo-3)',
    '--mantine-color-indigo-outline': 'var(--mantine-color-indigo-3)',
    // Dark's dimmed (dark 2) is 4.0:1 on the dark body; dark 1 passes.
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
  },
});
