import type { AgentWrite } from '../../agent/write-types';

const CHANGE_LABELS: Record<keyof AgentWrite, string> = {
  name: 'Name',
  description: 'Description',
  project: 'Project',
  language: 'Language',
  agent_speaks_first: 'Agent speaks first',
  email_id: 'Email',
  mock_tools_enabled: 'Mock tools enabled',
  predefined_metrics: 'Predefined metrics',
  webhook_url: 'Webhook URL',
  webhook_secret: 'Webhook secret',
  telephony: 'Telephony',
  provider: 'Provider',
  knowledge_base_files: 'Knowledge base',
  mock_tools: 'Mock tools',
  dynamic_variables: 'Dynamic variables',
};

/**
 * Names what a PATCH body changes, for the saved notification.
 *
 * @example describeChanges({ name: 'A', language: 'fr' }) // → 'Name and Language'
 */
export function describeChanges(patch: AgentWrite): string {
  const labels = (Object.keys(patch) as (keyof AgentWrite)[]).map((key) => CHANGE_LABELS[key]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}
