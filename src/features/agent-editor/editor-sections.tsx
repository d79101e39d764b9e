import type { ComponentType } from 'react';
import { fieldsOfSection, sectionOf } from '../../agent/field-catalogue';
import { agentFormSchema } from '../../agent/form-schema';
import type { AgentFormValues } from '../../agent/form-schema';
import type { SectionId } from '../../agent/patch-strategy';
import { KnowledgeBaseSection } from './knowledge-base/components/knowledge-base-section';
import { DynamicVariablesSection } from './components/dynamic-variables-section';
import { GeneralSection } from './components/general-section';
import { MockToolsSection } from './components/mock-tools-section';
import { ProviderSection } from './components/provider-section';
import { TelephonySection } from './components/telephony-section';
import { WebhookSection } from './components/webhook-section';

/**
 * The editor's tabs, each at `/agents/:id/:value`. The field catalogue says which tab shows
 * each field, so an error or an unsaved change at a path (`telephony.sip_uri`) marks and
 * opens the right tab.
 */
export interface EditorSection {
  value: SectionId;
  label: string;
  /** The top-level form fields the tab shows. */
  fields: readonly (keyof AgentFormValues)[];
  Component: ComponentType;
}

const isFormField = (key: string): key is keyof AgentFormValues => key in agentFormSchema.shape;

const section = (value: SectionId, label: string, Component: ComponentType): EditorSection => ({
  value,
  label,
  fields: fieldsOfSection(value).filter(isFormField),
  Component,
});

export const EDITOR_SECTIONS: readonly EditorSection[] = [
  section('general', 'General', GeneralSection),
  section('telephony', 'Telephony', TelephonySection),
  section('provider', 'Provider', ProviderSection),
  section('knowledge-base', 'Knowledge base', KnowledgeBaseSection),
  section('mock-tools', 'Mock tools', MockToolsSection),
  section('dynamic-variables', 'Dynamic variables', DynamicVariablesSection),
  section('webhook', 'Webhook', WebhookSection),
];

/** The section showing the field at a form path (`telephony.sip_uri`), if any. */
export function sectionOfPath(path: string): EditorSection | undefined {
  const id = sectionOf(path);
  return EDITOR_SECTIONS.find((s) => s.value === id);
}

/** The tab after the form's sections, at `/agents/:id/history`: the agent's versions (no form fields). */
export const HISTORY_TAB = { value: 'history', label: 'History' } as const;

/** A tab of the editor: one of the form's sections, or History. */
export function isSection(value: string): boolean {
  return value === HISTORY_TAB.value || EDITOR_SECTIONS.some((section) => section.value === value);
}
