import type { ApiAgent } from '../../../../agent/api-schema';
import { sampleAgent } from '../../../../testing/fixtures';

/** Raw history entries of `sampleAgent()` (agent 42): three versions, the newest matching the agent as it is. */
export function sampleHistory(): { agent: ApiAgent; versions: Record<string, unknown>[] } {
  const agent = sampleAgent();
  const [faq, prices] = agent.knowledge_base_files ?? [];
  const [lookup, refund] = agent.mock_tools ?? [];
  const [customer, plan] = agent.dynamic_variables ?? [];
  const base = { id: 42, agent_name: agent.name, language: 'en', history_change_reason: null };
  const versions = [
    {
      ...base,
      history_id: 3,
      history_date: '2026-01-03T09:00:00Z',
      history_type: '~',
      history_user: { id: 2, name: 'Carl Colleague', email: 'carl@cekura.ai' },
      version_id: 'v3',
      version_name: 'Version 3',
      description: agent.description,
      mock_tools: [lookup, refund],
      dynamic_variables: [customer, plan],
      knowledge_base_files: [faq, prices],
    },
    {
      ...base,
      history_id: 2,
      history_date: '2026-01-02T09:00:00Z',
      history_type: '~',
      history_user: { id: 1, name: 'Demo User', email: 'demo@cekura.ai' },
      version_id: 'v2',
      version_name: 'Version 2',
      description: agent.description,
      mock_tools: [lookup],
      dynamic_variables: [customer, { ...plan, description: 'Plan' }],
      knowledge_base_files: [faq],
    },
    {
      ...base,
      history_id: 1,
      history_date: '2026-01-01T09:00:00Z',
      history_type: '+',
      history_user: null,
      version_id: 'v1',
      version_name: 'Version 1',
      description: 'Answers questions.',
      mock_tools: [lookup],
      dynamic_variables: [customer],
      knowledge_base_files: [faq],
    },
  ];
  return { agent, versions };
}
