import { describe, expect, it } from 'vitest';
import { agentAtVersion, parseHistoryVersion } from '../../../../agent/history-schema';
import { sampleAgent } from '../../../../testing/fixtures';
import { describeVersionChanges, unversionedFieldLabels, versionedFieldLabels } from '../version-changes';
import { historyTypeInWords, versionAuthor } from '../version-words';
import { sampleHistory } from './history-fixtures';

describe('describeVersionChanges', () => {
  const { agent, versions } = sampleHistory();
  const [v3, v2, v1] = versions.map(parseHistoryVersion);
  if (!v1 || !v2 || !v3) throw new Error('three versions expected');
  const at = (v: typeof v1) => agentAtVersion(agent, v);

  it('names a value change from what to what, with the catalogue label', () => {
    expect(describeVersionChanges(at(v1), at(v2))).toEqual([
      { field: 'description', label: 'Description', before: '“Answers questions.”', after: '“Answers billing questions.”' },
      { field: 'dynamic_variables', label: 'Dynamic variables', items: ['added “plan”'] },
    ]);
  });

  it('names each added, removed and changed item by its key', () => {
    expect(describeVersionChanges(at(v2), at(v3))).toEqual([
      { field: 'mock_tools', label: 'Mock tools', items: ['added “refund”'] },
      { field: 'dynamic_variables', label: 'Dynamic variables', items: ['changed “plan”: description from “Plan” to “Subscription plan”'] },
      { field: 'knowledge_base_files', label: 'Knowledge base', items: ['added “prices.csv”'] },
    ]);
    expect(describeVersionChanges(at(v3), at(v1)).map((c) => [c.label, c.items ?? c.after])).toEqual([
      ['Description', '“Answers questions.”'],
      ['Mock tools', ['removed “refund”']],
      ['Dynamic variables', ['removed “plan”']],
      ['Knowledge base', ['removed “prices.csv”']],
    ]);
  });

  it('matches tools by id: a renamed tool is changed, not removed and added', () => {
    const renamed = sampleAgent({ mock_tools: [{ id: 11, name: 'find_order', description: 'Finds an order' }] });
    const before = sampleAgent({ mock_tools: [{ id: 11, name: 'lookup_order', description: 'Finds an order' }] });
    expect(describeVersionChanges(before, renamed)).toEqual([
      { field: 'mock_tools', label: 'Mock tools', items: ['changed “find_order”: name from “lookup_order” to “find_order”'] },
    ]);
  });

  it('says nothing for fields that are not versioned, and treats a missing and an empty text alike', () => {
    const before = sampleAgent({ description: '' });
    const after = sampleAgent({ description: null, telephony: { phone_number: '+14155559999' }, webhook_url: 'https://other.example.com' });
    expect(describeVersionChanges(before, after)).toEqual([]);
    expect(describeVersionChanges(before, sampleAgent({ language: 'fr' }))).toEqual([
      { field: 'language', label: 'Language', before: 'English', after: 'French' },
      { field: 'description', label: 'Description', before: 'empty', after: '“Answers billing questions.”' },
    ]);
  });

  it('lists what a version records and what it does not from the field catalogue', () => {
    expect(versionedFieldLabels()).toEqual(['Name', 'Language', 'Description', 'Mock tools', 'Dynamic variables', 'Knowledge base']);
    expect(unversionedFieldLabels()).toEqual(expect.arrayContaining(['Telephony', 'Provider', 'Webhook URL', 'Agent speaks first']));
    expect(unversionedFieldLabels()).not.toContain('Webhook secret');
    expect(unversionedFieldLabels()).not.toContain('Description');
  });

  it('puts a version type and its author in words', () => {
    expect(['+', '~', '-', 'x', null].map(historyTypeInWords)).toEqual(['Created', 'Changed', 'Deleted', 'Unknown', 'Unknown']);
    expect([v3, v1].map(versionAuthor)).toEqual(['Carl Colleague', 'Unknown']);
  });
});
