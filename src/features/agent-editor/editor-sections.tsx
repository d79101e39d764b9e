import type { ComponentType } from 'react';
import type { AgentFormValues } from '../../agent/form-schema';
import { KnowledgeBaseSection } from './knowledge-base/components/knowledge-base-section';
import { DynamicVariablesSection } from './components/dynamic-variables-section';
import { GeneralSection } from './components/general-section';
import { MockToolsSection } from './components/mock-tools-section';
import { ProviderSection } from './components/provider-section';
import { TelephonySection } from './components/telephony-section';
import { WebhookSection } from './components/webhook-section';

/**
 * The editor's tabs, each at `/agents/:id/:value`. Each section owns top-level form fields, so
 * an error or an unsaved change at a path (`telephony.sip_uri`) marks and opens the right tab.
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
    fields: ['name', 'description', 'project', 'language', 'agent_speaks_first', 'email_id', 'mock_tools_enabled', 'predefined_metrics'],
    Component: GeneralSection,
  },
  { value: 'telephony', label: 'Telephony', fields: ['telephony'], Component: TelephonySection },
  { value: 'provider', label: 'Provider', fields: ['provider'], Component: ProviderSection },
  { value: 'knowledge-base', label: 'Knowledge base', fields: ['knowledge_base_files'], Component: KnowledgeBaseSection },
  { value: 'mock-tools', label: 'Mock tools', fields: ['mock_tools'], Component: MockToolsSection },
  { value: 'dynamic-variables', label: 'Dynamic variables', fields: ['dynamic_variables'], Component: DynamicVariablesSection },
  { value: 'webhook', label: 'Webhook', fields: ['webhook_url', 'webhook_secret'], Component: WebhookSection },
];

/** The section showing the field at a form path (`telephony.sip_uri`), if any. */
export function sectionOfPath(path: string): EditorSection | undefined {
  const top = path.split('.')[0];
  return EDITOR_SECTIONS.find((section) => (section.fields as readonly string[]).includes(top ?? ''));
}

export function isSection(value: string): boolean {
  return EDITOR_SECTIONS.some((section) => section.value === value);
}
