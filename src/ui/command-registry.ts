import { useEffect, useRef } from 'react';
import { createStore, useStore } from '../utils/create-store';

/** Where a command shows in the command palette. */
export type CommandGroup = 'Actions' | 'Tabs';

/** A command a page offers the app's command palette (Ctrl/Cmd+K). */
export interface PaletteCommand {
  /** Unique across every page's commands, e.g. `editor.save`, `tab.telephony`. */
  id: string;
  label: string;
  group: CommandGroup;
  /** A second line under the label, e.g. "Current tab". */
  description?: string;
  /** Offered only while it applies (Save only with unsaved changes). */
  enabled: boolean;
  /** Where it sorts in its group: lower first, then in registration order. 0 unless given. */
  rank?: number;
  run: () => void;
}

/** The commands registered now, per source (a page or a part of one), in registration order. */
const registry = createStore<ReadonlyMap<string, readonly PaletteCommand[]>>(new Map());

/** The registry as the palette reads it (test helpers and the palette only). */
export const commandRegistry = { get: registry.get, subscribe: registry.subscribe };

/** Every registered command, by rank, then the sources in registration order. */
export function allCommands(sources: ReadonlyMap<string, readonly PaletteCommand[]>): PaletteCommand[] {
  return [...sources.values()].flat().sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
}

/** The registered commands, re-rendering when a page registers or drops some. */
export function useRegisteredCommands(): ReadonlyMap<string, readonly PaletteCommand[]> {
  return useStore(registry);
}

/**
 * Offers `commands` in the command palette while the calling component is mounted; `source`
 * names the caller (its commands replace its earlier ones). The latest `run` of each command is
 * called, so handlers may be new functions on every render: only a change of id, label,
 * description or enabled state updates the registry.
 *
 * @example useRegisterCommands('editor.tabs', [{ id: 'tab.general', label: 'General', group: 'Tabs', enabled: true, run: () => show('general') }])
 */
export function useRegisterCommands(source: string, commands: readonly PaletteCommand[]): void {
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  const signature = JSON.stringify(commands.map(({ id, label, group, description, enabled }) => [id, label, group, description, enabled]));
  useEffect(() => {
    const registered: PaletteCommand[] = commands.map((command) => ({
      ...command,
      run: () => latest.current.find((c) => c.id === command.id)?.run(),
    }));
    registry.set((current) => new Map(current).set(source, registered));
    return () =>
      registry.set((current) => {
        const next = new Map(current);
        next.delete(source);
        return next;
      });
    // `signature` stands for the commands' shown parts; their handlers are read through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, signature]);
}
