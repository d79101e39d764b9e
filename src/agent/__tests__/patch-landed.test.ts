import { describe, expect, it } from 'vitest';
import type { ApiAgent } from '../api-schema';
import type { AgentFormValues } from '../form-schema';
import { agentToFormValues } from '../mapping';
import { patchLanded } from '../patch-landed';
import { sampleAgent } from '../../testing/fixtures';

const before = sampleAgent();
const edited = (edit: (v: AgentFormValues) => void): AgentFormValues => {
  const values = agentToFormValues(before);
  edit(values);
  return values;
};
const fresh = (overrides: Record<string, unknown>): ApiAgent => sampleAgent({ updated_at: '2026-01-03T00:00:00Z', ...overrides });
const kbFile = (id: number, file_name: string) => ({ id, agent: 42, file_url: `https://files.example.com/${id}`, file_name, file_type: 'text/markdown', file_size: 5 });

describe('patchLanded', () => {
  it('is true when the agent read back holds the change, false when it does not', () => {
    const sent = edited((v) => { v.name = 'Billing bot'; });
    expect(patchLanded(before, sent, fresh({ name: 'Billing bot' }))).toBe(true);
    expect(patchLanded(before, sent, before)).toBe(false);
  });

  it('matches a new file to the one the server created (by name, with its new id)', () => {
    const sent = edited((v) => {
      v.knowledge_base_files.push({ file_name: 'notes.md', file_size: 5, content_base64: 'token-1' });
    });
    const stored = [...(before.knowledge_base_files ?? []), kbFile(99, 'notes.md')];
    expect(patchLanded(before, sent, fresh({ knowledge_base_files: stored }))).toBe(true);
    expect(patchLanded(before, sent, before)).toBe(false);
    // An older file of the same name is not the new one.
    expect(patchLanded(before, edited((v) => { v.knowledge_base_files.push({ file_name: 'faq.md', file_size: 5, content_base64: 't' }); }), before)).toBe(false);
  });

  it('matches a new mock tool by name', () => {
    const sent = edited((v) => {
      v.mock_tools.push({ name: 'cancel_order', description: '', mock_data: '[]', freetext_params: [], served_via: 'direct', mock_index: null });
    });
    const tool = { id: 77, name: 'cancel_order', description: '', mock_data: [], served_via: { type: 'direct' }, subscriber_count: 1, is_shared: false };
    expect(patchLanded(before, sent, fresh({ mock_tools: [...(before.mock_tools ?? []), tool] }))).toBe(true);
  });

  it('does not compare write-only secrets, which are never read back', () => {
    const sent = edited((v) => {
      v.name = 'Billing bot';
      v.provider.api_key = 'sk-typed';
      v.webhook_secret = 'whsec-typed';
      v.provider.config.trigger_secret = 'trig-typed';
    });
    expect(patchLanded(before, sent, fresh({ name: 'Billing bot' }))).toBe(true);
  });

  it('ignores what someone else changed meanwhile, in other fields and other leaves', () => {
    const sent = edited((v) => { v.telephony.sip_uri = 'sip:desk@pbx.example.com'; });
    const telephony = { ...before.telephony, sip_uri: 'sip:desk@pbx.example.com', phone_number: '+14155557777' };
    expect(patchLanded(before, sent, fresh({ telephony, description: 'A colleague wrote this.' }))).toBe(true);
    expect(patchLanded(before, sent, fresh({ telephony: { ...before.telephony, phone_number: '+14155557777' } }))).toBe(false);
  });
});
