import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiAgent } from '../../../agent/api-schema';
import { buildAgentPatch } from '../../../agent/build-agent-patch';
import { secretFields } from '../../../agent/field-catalogue';
import type { AgentFormValues } from '../../../agent/form-schema';
import { agentToFormValues } from '../../../agent/mapping';
import { arbApiAgent, arbEdit } from '../../../testing/agent-arbitraries';
import { sampleAgent } from '../../../testing/fixtures';
import type { AgentDraft } from '../draft-storage';

/** The draft module as a page sees it after a reload: its memory empty, sessionStorage kept. */
async function afterReload() {
  vi.resetModules();
  return import('../draft-storage');
}

const SIP_PASSWORD = 'sip-pass-6603';
const WS_PASSWORD = 'ws-pass-7712';
const agent: ApiAgent = sampleAgent({
  telephony: {
    phone_number: '+14155551234',
    inbound: false,
    sip_uri: 'sip:agent@pbx.example.com',
    sip_auth: { username: 'agent', password: SIP_PASSWORD },
    websocket_url: 'wss://voice.example.com',
    websocket_auth: { username: 'ws', password: WS_PASSWORD },
    outbound_numbers: [],
  },
});

function draftOf(edit: (values: AgentFormValues) => void, base: ApiAgent = agent): AgentDraft {
  const values = agentToFormValues(base);
  edit(values);
  return { agentId: base.id, baseUpdatedAt: base.updated_at ?? null, values, droppedFiles: [] };
}

const stored = () => sessionStorage.getItem(`cekura-agent-draft:${agent.id}`) ?? '';

beforeEach(() => {
  sessionStorage.clear();
});
afterEach(() => {
  sessionStorage.clear();
});

describe('drafts and the SIP and WebSocket passwords', () => {
  it('never writes them to sessionStorage', async () => {
    const { saveDraft } = await afterReload();
    saveDraft(draftOf((v) => { v.name = 'Billing bot'; }));
    expect(stored()).toContain('Billing bot');
    expect(stored()).not.toContain(SIP_PASSWORD);
    expect(stored()).not.toContain(WS_PASSWORD);
  });

  it('restores them from the agent as loaded after a reload, so the PATCH does not clear them', async () => {
    (await afterReload()).saveDraft(draftOf((v) => { v.name = 'Billing bot'; }));
    const { loadDraft } = await afterReload();

    const restored = loadDraft(agent.id, agent);
    expect(restored?.values.telephony.sip_auth).toEqual({ username: 'agent', password: SIP_PASSWORD });
    expect(restored?.values.telephony.websocket_auth).toEqual({ username: 'ws', password: WS_PASSWORD });
    expect(restored && buildAgentPatch(agent, restored.values)).toEqual({ name: 'Billing bot' });
  });

  it('keeps the loaded password with a changed username, and a cleared password cleared', async () => {
    (await afterReload()).saveDraft(
      draftOf((v) => {
        v.telephony.sip_auth.username = 'trunk-2';
        v.telephony.websocket_auth = { username: '', password: '' };
      }),
    );
    const restored = (await afterReload()).loadDraft(agent.id, agent);
    expect(restored && buildAgentPatch(agent, restored.values)).toEqual({
      telephony: { sip_auth: { username: 'trunk-2', password: SIP_PASSWORD }, websocket_auth: null },
    });
  });

  it('gives the typed password back in the same page, and only a reload loses it', async () => {
    const { saveDraft, loadDraft } = await afterReload();
    saveDraft(draftOf((v) => { v.telephony.sip_auth.password = 'typed-new-1'; }));
    expect(stored()).not.toContain('typed-new-1');
    expect(loadDraft(agent.id)?.values.telephony.sip_auth.password).toBe('typed-new-1');

    const restored = (await afterReload()).loadDraft(agent.id, agent);
    expect(restored?.values.telephony.sip_auth.password).toBe(SIP_PASSWORD);
  });

  it('does not restore a draft whose password it cannot put back', async () => {
    (await afterReload()).saveDraft(draftOf((v) => { v.name = 'Billing bot'; }));
    expect((await afterReload()).loadDraft(agent.id)).toBeNull();
  });

  it('restores a draft with no password left out without the loaded agent', async () => {
    const plain = sampleAgent({ telephony: { sip_auth: null, websocket_auth: null } });
    (await afterReload()).saveDraft(draftOf((v) => { v.name = 'Billing bot'; }, plain));
    expect((await afterReload()).loadDraft(plain.id)?.values.name).toBe('Billing bot');
  });

  it('stores no secret of the catalogue, and restores every edit but typed secrets (property-based)', async () => {
    const { saveDraft, stripForDraft } = await afterReload();
    const arbSecret = fc.stringMatching(/^[A-Za-z0-9]{6,14}$/).map((s) => `S3CR3T~${s}`);
    const reloaded = await afterReload();
    fc.assert(
      fc.property(arbApiAgent, fc.array(arbEdit, { maxLength: 4 }), arbSecret, (loaded, edits, secret) => {
        const loadedValues = agentToFormValues(loaded);
        const values = agentToFormValues(loaded);
        for (const edit of edits) edit(values);
        // Passwords as loaded (a username may have changed): what a reload must give back.
        values.telephony.sip_auth.password = loadedValues.telephony.sip_auth.password;
        values.telephony.websocket_auth.password = loadedValues.telephony.websocket_auth.password;
        const expected = stripForDraft(values).values;

        const typed = structuredClone(values);
        for (const field of secretFields()) {
          // Every write-only secret typed; a password changed where there is one.
          const keys = field.formPath.split('.');
          const last = keys.pop() ?? '';
          const parent = keys.reduce<Record<string, unknown>>((node, k) => node[k] as Record<string, unknown>, typed as unknown as Record<string, unknown>);
          if (field.strategy.kind === 'writeOnly' || parent[last] !== '') parent[last] = secret;
        }
        saveDraft({ agentId: loaded.id, baseUpdatedAt: null, ...stripForDraft(typed) });
        expect(sessionStorage.getItem(`cekura-agent-draft:${loaded.id}`)).not.toContain(secret);

        const restored = reloaded.loadDraft(loaded.id, loaded);
        expect(restored && buildAgentPatch(loaded, restored.values)).toEqual(buildAgentPatch(loaded, expected));
      }),
      { numRuns: 150 },
    );
  });
});
