import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiAgent } from '../../../agent/api-schema';
import { agentToFormValues } from '../../../agent/mapping';
import { mergeAgentEdits } from '../../../agent/merge-agent-edits';
import { sampleAgent } from '../../../testing/fixtures';

/** The draft module as a page sees it after a reload: its memory empty, sessionStorage kept. */
async function afterReload() {
  vi.resetModules();
  return import('../draft-storage');
}

const SIP_PASSWORD = 'sip-pass-4410';
const base: ApiAgent = sampleAgent({
  webhook_secret: 'leaked-webhook-secret', // a lenient parse keeps what the API may send back
  telephony: { ...sampleAgent().telephony, sip_auth: { username: 'agent', password: SIP_PASSWORD } },
});
const stored = () => sessionStorage.getItem(`cekura-agent-draft:${base.id}`) ?? '';
const storedBase = () => sessionStorage.getItem(`cekura-agent-draft-base:${base.id}`) ?? '';

beforeEach(() => sessionStorage.clear());
afterEach(() => sessionStorage.clear());

describe('a draft keeps the agent it was made on', () => {
  it('stores that agent without its secrets, and restores it with the loaded agent’s', async () => {
    const values = agentToFormValues(base);
    values.name = 'Draft name';
    (await afterReload()).saveDraft({ agentId: base.id, baseUpdatedAt: base.updated_at ?? null, base, values, droppedFiles: [] });
    expect(JSON.parse(storedBase())).toMatchObject({ id: base.id, name: base.name, updated_at: base.updated_at });
    for (const text of [stored(), storedBase()]) {
      expect(text).not.toContain(SIP_PASSWORD);
      expect(text).not.toContain('leaked-webhook-secret');
    }

    const newer = sampleAgent({ ...base, description: 'Changed meanwhile.', updated_at: '2026-03-01T00:00:00Z' });
    const draft = (await afterReload()).loadDraft(base.id, newer);
    expect(draft?.base?.telephony?.sip_auth).toEqual({ username: 'agent', password: SIP_PASSWORD });
    if (!draft?.base) throw new Error('the draft lost its base');
    // Merged onto the newer version: both changes, no conflict from the secrets left out.
    const merged = mergeAgentEdits(draft.base, draft.values, newer);
    expect(merged.conflicts).toEqual([]);
    expect(merged.values.name).toBe('Draft name');
    expect(merged.values.description).toBe('Changed meanwhile.');
    expect(merged.values.telephony.sip_auth.password).toBe(SIP_PASSWORD);
  });

  it('restores a draft whose stored base is not an agent without it', async () => {
    const values = agentToFormValues(base);
    sessionStorage.setItem(
      `cekura-agent-draft:${base.id}`,
      JSON.stringify({ agentId: base.id, baseUpdatedAt: base.updated_at, base: 'garbage', values, droppedFiles: [] }),
    );
    const draft = (await afterReload()).loadDraft(base.id, base);
    expect(draft?.values.name).toBe(base.name);
    expect(draft?.base).toBeUndefined();
  });

  it('stores only the top-level values that differ from its base, and restores the whole form', async () => {
    const values = agentToFormValues(base);
    values.description = 'Typed into the description.';
    const variable = values.dynamic_variables[0];
    if (!variable) throw new Error('the sample agent has no variable');
    variable.description = 'Edited variable.';
    values.telephony.sip_auth.password = 'typed-sip-9911';
    (await afterReload()).saveDraft({ agentId: base.id, baseUpdatedAt: base.updated_at ?? null, base, values, droppedFiles: [] });
    const record = JSON.parse(stored()) as { values?: unknown; changed?: Record<string, unknown> };
    expect(record.values).toBeUndefined();
    expect(Object.keys(record.changed ?? {}).sort()).toEqual(['description', 'dynamic_variables', 'telephony']);
    expect(stored()).not.toContain('typed-sip-9911');

    // The same page still holds the typed password: the whole form comes back as it was.
    const { loadDraft } = await import('../draft-storage');
    expect(loadDraft(base.id, base)?.values).toEqual(values);
    // After a reload the typed password is gone (it is never stored); everything else is back.
    const reloaded = (await afterReload()).loadDraft(base.id, base);
    expect(reloaded?.values).toEqual({ ...values, telephony: { ...values.telephony, sip_auth: { ...values.telephony.sip_auth, password: SIP_PASSWORD } } });
  });

  it('writes its base once per baseline, and is not restored onto a base of another version', async () => {
    const values = agentToFormValues(base);
    values.name = 'First pause';
    const page = await afterReload();
    page.saveDraft({ agentId: base.id, baseUpdatedAt: base.updated_at ?? null, base, values, droppedFiles: [] });
    sessionStorage.setItem(`cekura-agent-draft-base:${base.id}`, JSON.stringify({ ...JSON.parse(storedBase()), name: 'Marker' }));
    values.name = 'Second pause';
    page.saveDraft({ agentId: base.id, baseUpdatedAt: base.updated_at ?? null, base, values, droppedFiles: [] });
    expect(JSON.parse(storedBase())).toMatchObject({ name: 'Marker' }); // not written again
    expect(page.loadDraft(base.id, base)?.values.name).toBe('Second pause');

    // A base key left by another version cannot complete a draft of changes alone.
    sessionStorage.setItem(`cekura-agent-draft-base:${base.id}`, JSON.stringify({ ...JSON.parse(storedBase()), updated_at: '2020-01-01T00:00:00Z' }));
    expect((await afterReload()).loadDraft(base.id, base)).toBeNull();
  });

  it('is not restored when it holds changes alone and its base is not an agent', async () => {
    sessionStorage.setItem(
      `cekura-agent-draft:${base.id}`,
      JSON.stringify({ agentId: base.id, baseUpdatedAt: base.updated_at, base: 'garbage', changed: { name: 'Lost' }, droppedFiles: [] }),
    );
    expect((await afterReload()).loadDraft(base.id, base)).toBeNull();
  });
  it('stores the base of each save: a new baseline replaces the one written before, and the agent given is left as it was', async () => {
    const { saveDraft, loadDraft } = await afterReload();
    const values = agentToFormValues(base);
    values.name = 'Draft name';
    const before = structuredClone(base);
    saveDraft({ agentId: base.id, baseUpdatedAt: base.updated_at ?? null, base, values, droppedFiles: [] });
    saveDraft({ agentId: base.id, baseUpdatedAt: base.updated_at ?? null, base, values: { ...values, name: 'Typed on' }, droppedFiles: [] });
    expect(base).toEqual(before);
    expect(stored()).not.toContain(SIP_PASSWORD);
    expect(loadDraft(base.id, base)?.values.name).toBe('Typed on');

    const saved = sampleAgent({ ...base, description: 'As saved since.', updated_at: '2026-03-02T00:00:00Z' });
    saveDraft({ agentId: base.id, baseUpdatedAt: saved.updated_at ?? null, base: saved, values, droppedFiles: [] });
    const draft = loadDraft(base.id, saved);
    expect(draft?.base?.description).toBe('As saved since.');
    expect(draft?.baseUpdatedAt).toBe('2026-03-02T00:00:00Z');
    expect(stored()).not.toContain('leaked-webhook-secret');
    expect(storedBase()).not.toContain('leaked-webhook-secret');
  });
});
