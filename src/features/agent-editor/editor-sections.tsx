import type { ComponentType } from 'react';
import type { AgentFormValues } from '../../agent/form-schema';
import { GeneralSection } from './components/general-section';

/**
 * The editor's tabs. Each section owns top-level form fields, so an error at a path (from the
 * resolver or the API) opens the tab that shows it. Telephony, Provider, Knowledge base,
 * Mock tools, Dynamic variables and Webhook join this list as they are built.
 */
export interface EditorSection {
  value: string;
  label: string;
  fields: readonly (keyof AgentFormValues)[];
  Component: ComponentType;
}

export const EDITOR_SECTIONS: readonly EditorSection[] = [
  {
    value: 'general',
    label: 'General',
    fields: ['name', 'description', 'language', 'agent_speaks_first'],
    Component: GeneralSection,
  },
];

/** The section showing the field at a form path (`telephony.sip_uri`), if any. */
export function sectionOfPath(path: string): EditorSection | undefined {
  const top = path.split('.')[0];
  return EDITOR_SECTIONS.find((section) => (section.fields as readonly string[]).includes(top ?? ''));
}
