import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { allCommands, commandRegistry, useRegisterCommands } from '../command-registry';
import type { PaletteCommand } from '../command-registry';

const labels = () => allCommands(commandRegistry.get()).map((c) => `${c.group}:${c.label}:${c.enabled ? 'on' : 'off'}`);

function Commands({ source, commands }: { source: string; commands: PaletteCommand[] }) {
  useRegisterCommands(source, commands);
  return null;
}

describe('useRegisterCommands', () => {
  it('offers the commands while mounted and drops them on unmount', () => {
    const view = render(<Commands source="page" commands={[{ id: 'a', label: 'Save changes', group: 'Actions', enabled: true, run: () => undefined }]} />);
    expect(labels()).toEqual(['Actions:Save changes:on']);
    view.unmount();
    expect(labels()).toEqual([]);
  });

  it('updates what is shown when the enabled state changes, and runs the latest handler', () => {
    const calls: string[] = [];
    const save = (count: number): PaletteCommand[] => [
      { id: 'save', label: 'Save changes', group: 'Actions', enabled: count > 0, run: () => calls.push(`save ${count}`) },
    ];
    const view = render(<Commands source="counter" commands={save(0)} />);
    expect(labels()).toEqual(['Actions:Save changes:off']);
    view.rerender(<Commands source="counter" commands={save(1)} />);
    expect(labels()).toEqual(['Actions:Save changes:on']);
    const registered = commandRegistry.get();
    view.rerender(<Commands source="counter" commands={save(2)} />);
    // Same shown parts: the registry keeps its entry, and the handler run is the newest.
    expect(commandRegistry.get()).toBe(registered);
    allCommands(commandRegistry.get())[0]?.run();
    expect(calls).toEqual(['save 2']);
    view.unmount();
  });

  it('keeps each source apart and sorts by rank', () => {
    const view = render(
      <>
        <Commands source="app" commands={[{ id: 'out', label: 'Sign out', group: 'Actions', enabled: true, rank: 1, run: () => undefined }]} />
        <Commands
          source="editor"
          commands={[
            { id: 'save', label: 'Save changes', group: 'Actions', enabled: true, run: () => undefined },
            { id: 'tab', label: 'Telephony', group: 'Tabs', enabled: true, run: () => undefined },
          ]}
        />
      </>,
    );
    expect(labels()).toEqual(['Actions:Save changes:on', 'Tabs:Telephony:on', 'Actions:Sign out:on']);
    view.unmount();
    expect(labels()).toEqual([]);
  });
});
