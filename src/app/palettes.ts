/**
 * The Mantine colour palettes the dashboard uses (`color="red"`, `c="blue.7"`, the primary
 * indigo, gray and dark for text and the dark scheme). The build drops the CSS variables of every
 * other palette from Mantine's stylesheet (vite.config.ts): about 1 KB gzipped of the first
 * visit's CSS that nothing reads. A test fails when the code names a palette left out here.
 */
export const USED_PALETTES = ['dark', 'gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'indigo'] as const;

/** Mantine's default palettes. */
export const MANTINE_PALETTES = ['dark', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;
