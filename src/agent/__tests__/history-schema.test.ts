import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../testing/fixtures';
import { buildAgentPatch } from '../build-agent-patch';
import { agentAtVersion, historyUserName, parseHistoryPage, parseHistoryVersion } from '../history-schema';
import { agentToFormValues } from '../mapping';

const version = {
  history_id: 9,
  history_date: '2026-01-05T10:00:00Z',
  history_type: '~',
  history_change_reason: 'Changed name',
  history_user: { id: 2, name: 'Carl Colleague', email: 'carl@cekura.ai' },
  version_id: 'v9',
  version_name: 'Version 3',
  id: 42,
  agent_name: 'Support triage (old)',
  language: 'en',
  description: 'Old prompt',
  mock_tools: [{ id: 11, name: 'lookup_order', description: 'Finds an order', mock_data: [], served_via: { type: 'direct', url: 'https://mock.example.com/11' } }],
  dynamic_variables: [{ id: 21, name: 'customer_name', description: 'Full name' }],
  knowledge_base_files: [{ id: 7, file_name: 'faq.md', file_size: 120 }],
};

describe('history schemas', () => {
  it('parses a page of versions as the contract describes it', () => {
    const page = parseHistoryPage({ count: 1, next: null, previous: null, results: [version] });
    expect(page.count).toBe(1);
    expect(page.results[0]).toMatchObject({ history_id: 9, history_user: { name: 'Carl Colleague' }, agent_name: 'Support triage (old)' });
    expect(page.results[0]?.mock_tools.map((t) => t.id)).toEqual([11]);
  });

  it('is lenient: nulls, unknown keys, string-typed snapshots, bad items and bad versions', () => {
    const page = parseHistoryPage({
      count: 'many',
      results: [
        {
          ...version,
          history_user: null,
          history_change_reason: null,
          version_name: null,
          version_id: 12,
          extra_key: { kept: true },
          dynamic_variables: JSON.stringify([{ id: 21, name: 'customer_name', description: null }, { id: 22 }]),
          mock_tools: 'not json',
          knowledge_base_files: 5,
        },
        { history_id: 'not a number' },
      ],
    });
    expect(page.count).toBe(0);
    expect(page.results).toHaveLength(1);
    const [parsed] = page.results;
    expect(parsed).toMatchObject({ history_user: null, history_change_reason: null, version_name: null, version_id: 12, extra_key: { kept: true } });
    expect(parsed?.dynamic_variables).toEqual([{ id: 21, name: 'customer_name', description: null }]);
    expect(parsed?.mock_tools).toEqual([]);
    expect(parsed?.knowledge_base_files).toEqual([]);
    expect(() => parseHistoryVersion({ version_name: 'x' })).toThrow();
  });

  it('names who made a version', () => {
    expect(historyUserName({ id: 1, name: 'Demo User', email: 'demo@cekura.ai' })).toBe('Demo User');
    expect(historyUserName({ id: 1, name: ' ', first_name: 'Ada', last_name: 'Lovelace' })).toBe('Ada Lovelace');
    expect(historyUserName({ id: 1, email: 'x@example.com' })).toBe('x@example.com');
    expect(historyUserName(null)).toBeNull();
  });

  it('gives the agent as a restore would leave it, to diff with the current one', () => {
    const current = sampleAgent();
    const restored = agentAtVersion(current, parseHistoryVersion(version));
    expect(restored.telephony).toBe(current.telephony);
    const changes = buildAgentPatch(current, agentToFormValues(restored));
    expect(changes).toEqual({
      name: 'Support triage (old)',
      description: 'Old prompt',
      knowledge_base_files: [{ id: 7 }],
      mock_tools: [{ id: 11, mock_data: [] }],
      dynamic_variables: [{ name: 'customer_name', description: 'Full name' }],
    });
  });
});
