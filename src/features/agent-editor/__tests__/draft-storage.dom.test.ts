import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAgentPatch } from '../../../agent/build-agent-patch';
import type { AgentFormValues } from '../../../agent/form-schema';
import { agentToFormValues } from '../../../agent/mapping';
import { arbApiAgent, arbEdit } from '../../../testing/agent-arbitraries';
import { sampleAgent } from '../../../testing/fixtures';
import { clearDraft, loadDraft, saveDraft, stripForDraft } from '../draft-storage';
import type { AgentDraft } from '../draft-storage';

function editedValues(edit: (values: AgentFormValues) => void): AgentFormValues {
  const values = agentToFormValues(sampleAgent());
  edit(values);
  return values;
}

const withSecrets = editedValues((v) => {
  v.name = 'Billing bot';
  v.provider.api_key = 'sk_live_1';
  v.webhook_secret = 'whsec_1';
  v.provider.config.trigger_secret = 'trig_1';
  v.predefined_metrics = '{"csat": true}';
  v.knowledge_base_files.push({ file_name: 'notes.txt', file_size: 3, content_base64: 'aGkK' });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('stripForDraft', () => {
  it('drops the write-only secrets and keeps every other edit', () => {
    const { values } = stripForDraft(withSecrets);
    expect(values.provider.api_key).toBe('');
    expect(values.webhook_secret).toBe('');
    expect(values.provider.config.trigger_secret).toBe('');
    expect(values.name).toBe('Billing bot');
    expect(values.predefined_metrics).toBe('{"csat": true}');
    expect(values.provider.config.public_key).toBe('pk_1');
    expect(values.telephony.sip_auth).toEqual({ username: 'agent', password: 'pw' });
  });

  it('drops the content of files waiting to upload and names them', () => {
    const { values, droppedFiles } = stripForDraft(withSecrets);
    expect(droppedFiles).toEqual(['notes.txt']);
    expect(values.knowledge_base_files).toEqual([
      { id: 7, file_name: 'faq.md', file_size: 120 },
      { id: 8, file_name: 'prices.csv', file_size: 80 },
    ]);
    expect(JSON.stringify(values)).not.toContain('aGkK');
  });

  it('leaves the values it is given as they were', () => {
    const copy = structuredClone(withSecrets);
    stripForDraft(withSecrets);
    expect(withSecrets).toEqual(copy);
  });

  it('copies only what it blanks: a long description is shared, not copied, and the values given stay as they were', () => {
    const long = 'x'.repeat(100 * 1024);
    const values = { ...withSecrets, description: long };
    const copy = structuredClone(values);
    const stripped = stripForDraft(values);
    expect(values).toEqual(copy);
    expect(stripped.values.description).toBe(long);
    expect(stripped.values.dynamic_variables).toBe(values.dynamic_variables);
    expect(stripped.values.provider).not.toBe(values.provider);
    expect(stripped.values.provider.api_key).toBe('');
    expect(stripped.values.provider.config.trigger_secret).toBe('');
  });

  it('keeps a provider setting the server returned, even one named like a secret', () => {
    const agent = sampleAgent({
      provider: { type: 'livekit', credentials: { config: { url: 'wss://lk.example.com', api_secret: 'lk_s' } } },
    });
    const { values } = stripForDraft(agentToFormValues(agent));
    expect(values.provider.config.api_secret).toBe('lk_s');
    expect(buildAgentPatch(agent, values)).toEqual({});
  });

  it('restores an untouched form of any agent to no change at all (property-based)', () => {
    fc.assert(
      fc.property(arbApiAgent, (agent) => {
        const { values } = stripForDraft(agentToFormValues(agent));
        expect(buildAgentPatch(agent, values)).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it('never keeps a typed secret, whatever else was edited (property-based)', () => {
    const arbSecret = fc.stringMatching(/^[A-Za-z0-9]{6,14}$/).map((s) => `S3CR3T~${s}`);
    fc.assert(
      fc.property(arbApiAgent, fc.array(arbEdit, { maxLength: 4 }), arbSecret, (agent, edits, secret) => {
        const values = agentToFormValues(agent);
        for (const edit of edits) edit(values);
        values.provider.api_key = secret;
        values.webhook_secret = secret;
        values.provider.config.trigger_secret = secret;
        const draft: AgentDraft = { agentId: agent.id, baseUpdatedAt: null, ...stripForDraft(values) };
        expect(JSON.stringify(draft)).not.toContain(secret);
      }),
      { numRuns: 200 },
    );
  });
});

describe('saveDraft / loadDraft / clearDraft', () => {
  const draft: AgentDraft = { agentId: 42, baseUpdatedAt: '2026-01-02T00:00:00Z', ...stripForDraft(withSecrets) };

  it('keeps a draft per agent in sessionStorage until it is cleared', () => {
    saveDraft(draft);
    expect(loadDraft(42)).toEqual(draft);
    expect(loadDraft(43)).toBeNull();
    clearDraft(42);
    expect(loadDraft(42)).toBeNull();
  });

  it('reads a damaged draft as none', () => {
    sessionStorage.setItem('cekura-agent-draft:42', '{not json');
    expect(loadDraft(42)).toBeNull();
  });

  it('does not throw when storage is full', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => saveDraft(draft)).not.toThrow();
    expect(loadDraft(42)).toBeNull();
  });
});
