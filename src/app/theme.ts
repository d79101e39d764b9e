import { Alert, Modal, Notification, createTheme } from '@mantine/core';
import type { CSSVariablesResolver } from '@mantine/core';

// Shade 8 of the primary colour keeps white text on filled buttons above 4.5:1 (axe color-contrast).
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // Icon-only close buttons need an accessible name (axe button-name).
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Dismiss' } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } }),
  },
});

// Mantine's light-scheme error (red 6) and dimmed (gray 6) text fall under 4.5:1 on white (axe).
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
    // Dark's dimmed (dark 2) is 4.0:1 on the dark body; dark 1 passes.
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
  },
});
