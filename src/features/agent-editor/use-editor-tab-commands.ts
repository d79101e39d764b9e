import { useRegisterCommands } from '../../ui/command-registry';
import { EDITOR_SECTIONS, HISTORY_TAB } from './editor-sections';

const TABS: readonly { value: string; label: string }[] = [...EDITOR_SECTIONS, HISTORY_TAB];

/** Offers each tab of the open agent in the command palette (Ctrl/Cmd+K), as the tab list does. */
export function useEditorTabCommands(agentName: string, section: string, showSection: (section: string) => void): void {
  useRegisterCommands(
    'editor.tabs',
    TABS.map(({ value, label }) => ({
      id: `editor.tab.${value}`,
      label,
      group: 'Tabs',
      description: value === section ? `Current tab of ${agentName}` : `Tab of ${agentName}`,
      enabled: true,
      run: () => showSection(value),
    })),
  );
}
