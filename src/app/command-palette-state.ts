import { createStore } from '../utils/create-store';

/** Whether the command palette is open: the header's button and Ctrl/Cmd+K set it, the palette follows. */
export const commandPaletteOpen = createStore(false);
