import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentFormValues } from '../../../agent/form-schema';
import { agentToFormValues } from '../../../agent/mapping';
import { sampleAgent } from '../../../testing/fixtures';

/** The draft module as a page sees it after a reload: its memory empty, sessionStorage kept. */
async function afterReload() {
  vi.resetModules();
  return import('../draft-storage');
}

const agent = sampleAgent();

function draftOf(edit: (values: AgentFormValues) => void) {
  const values = agentToFormValues(agent);
  edit(values);
  return { agentId: agent.id, baseUpdatedAt: agent.updated_at ?? null, values, droppedFiles: [] };
}

afterEach(() => sessionStorage.clear());

describe('secrets to type again after a reload', () => {
  it('names every secret the user typed, by its label, and none that was only loaded', async () => {
    const page = await afterReload();
    page.noteDraftBaseline(agent);
    const draft = draftOf((v) => {
      v.provider.api_key = 'sk-typed-1';
      v.webhook_secret = 'whsec-typed-2';
      v.provider.config.trigger_secret = 'trig-typed-3';
      v.telephony.sip_auth.password = 'sip-typed-4';
    });
    // As the editor writes it: stripped first, then saved.
    page.saveDraft({ ...draft, ...page.stripForDraft(draft.values) });
    // The same page still holds the password; write-only secrets are not even kept in memory.
    expect(page.secretsToTypeAgain(agent.id).sort()).toEqual(['API key', 'Provider setting: Trigger secret', 'Webhook secret']);
    const reloaded = await afterReload();
    expect(reloaded.secretsToTypeAgain(agent.id).sort()).toEqual(['API key', 'Provider setting: Trigger secret', 'SIP auth password', 'Webhook secret']);
  });

  it('does not ask for the SIP password the server has when only the username changed', async () => {
    const page = await afterReload();
    page.noteDraftBaseline(agent);
    page.saveDraft(draftOf((v) => { v.telephony.sip_auth.username = 'trunk-2'; }));
    expect((await afterReload()).secretsToTypeAgain(agent.id)).toEqual([]);
  });
});
