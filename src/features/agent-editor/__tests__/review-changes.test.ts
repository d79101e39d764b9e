import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgentPatch } from '../../../agent/build-agent-patch';
import type { AgentFormValues } from '../../../agent/form-schema';
import { agentToFormValues } from '../../../agent/mapping';
import type { AgentWrite } from '../../../agent/write-types';
import { arbApiAgent, arbEdit } from '../../../testing/agent-arbitraries';
import { sampleAgent } from '../../../testing/fixtures';
import { describePatch, maskPatchForDisplay, patchBodySize } from '../review-changes';

const MASK = '•••••• (hidden)';
const agent = sampleAgent();

/** The review's lines for the patch that `edit` makes to the sample agent. */
function review(edit: (values: AgentFormValues) => void) {
  const values = agentToFormValues(agent);
  edit(values);
  const patch = buildAgentPatch(agent, values);
  return describePatch(agent, patch).map(({ field, before, after }) => [field, before, after]);
}

describe('describePatch', () => {
  it('has no line for an empty patch', () => {
    expect(describePatch(agent, {})).toEqual([]);
  });

  it('says each changed scalar before and after in words', () => {
    expect(
      review((v) => {
        v.name = 'Billing bot';
        v.project = 2;
        v.language = 'fr';
        v.agent_speaks_first = 'caller';
        v.email_id = 'bot@example.com';
        v.mock_tools_enabled = true;
      }),
    ).toEqual([
      ['Name', '“Support triage”', '“Billing bot”'],
      ['Project', 'Project 1', 'Project 2'],
      ['Language', 'English', 'French'],
      ['Agent speaks first', 'Agent', 'Caller'],
      ['Email', '(empty)', '“bot@example.com”'],
      ['Mock tools enabled', 'Off', 'On'],
    ]);
  });

  it('says Auto-detect for who speaks first and Provider default for an unset automation flag', () => {
    expect(
      review((v) => {
        v.agent_speaks_first = 'auto';
        v.provider.auto_import_calls = null;
        v.provider.auto_dial_outbound = true;
      }),
    ).toEqual([
      ['Agent speaks first', 'Agent', 'Auto-detect'],
      ['Auto-dial outbound', 'Provider default', 'On'],
      ['Auto-import calls', 'On', 'Provider default'],
    ]);
  });

  it('shortens a long text after 80 characters', () => {
    const [line] = review((v) => {
      v.description = 'x'.repeat(200);
    });
    expect(line?.[2]).toBe(`“${'x'.repeat(80)}…”`);
  });

  it('names nested fields by their labels, provider settings included', () => {
    expect(
      review((v) => {
        v.telephony.outbound_numbers = [];
        v.provider.config.public_key = 'pk_2';
        v.provider.redact_fields = ['ssn', 'email_address'];
        v.webhook_url = '';
      }),
    ).toEqual([
      ['Webhook URL', '“https://hooks.example.com/cekura”', '(empty)'],
      ['Outbound numbers', '+14155550000', 'none'],
      ['Provider setting: Public key', '“pk_1”', '“pk_2”'],
      ['Redact fields', 'ssn', 'ssn, email address'],
    ]);
  });

  it('says which mock tools are added, removed and changed', () => {
    expect(
      review((v) => {
        v.mock_tools.splice(0, 1);
        const refund = v.mock_tools[0];
        if (refund) refund.description = 'Refunds an order';
        v.mock_tools.push({ name: 'check_stock', description: '', mock_data: '[]', freetext_params: [], served_via: 'direct', mock_index: null });
      }),
    ).toEqual([
      ['Mock tool refund: description', '“Issues a refund”', '“Refunds an order”'],
      ['Mock tools', '', 'Added mock tool check_stock'],
      ['Mock tools', '', 'Removed mock tool lookup_order'],
    ]);
  });

  it('says which variables are added, removed and re-described', () => {
    expect(
      review((v) => {
        v.dynamic_variables = [
          { name: 'customer_name', description: 'Name on the account' },
          { name: 'order_id', description: 'The order' },
        ];
      }),
    ).toEqual([
      ['Variable customer_name: description', '“Full name”', '“Name on the account”'],
      ['Dynamic variables', '', 'Added variable order_id'],
      ['Dynamic variables', '', 'Removed variable plan'],
    ]);
  });

  it('says which knowledge-base files are added and removed', () => {
    expect(
      review((v) => {
        v.knowledge_base_files = [
          { id: 7, file_name: 'faq.md', file_size: 120 },
          { file_name: 'notes.txt', file_size: 3, content_base64: 'aGkK' },
        ];
      }),
    ).toEqual([
      ['Knowledge base', '', 'Added file notes.txt'],
      ['Knowledge base', '', 'Removed file prices.csv'],
    ]);
  });

  it('hides every secret: typed ones and the SIP password', () => {
    expect(
      review((v) => {
        v.provider.api_key = 'sk_live_1';
        v.provider.config.trigger_secret = 'trig_1';
        v.webhook_secret = 'whsec_1';
        v.telephony.sip_auth.password = 'sip_1';
      }),
    ).toEqual([
      ['SIP auth password', 'Set', 'Replaced'],
      ['Provider setting: Trigger secret', 'Not set', 'Set'],
      ['API key', 'Hidden', 'Set'],
      ['Webhook secret', 'Set', 'Replaced'],
    ]);
  });
});

describe('maskPatchForDisplay', () => {
  it('masks the write-only secrets and credential passwords, and nothing else', () => {
    const patch: AgentWrite = {
      name: 'Billing bot',
      webhook_secret: 'whsec_1',
      telephony: {
        sip_auth: { username: 'agent', password: 'sip_1' },
        websocket_auth: { username: 'ws', password: 'ws_1' },
        sip_uri: null,
      },
      provider: {
        credentials: { api_key: 'sk_1', config: { trigger_secret: 'trig_1', public_key: 'pk_2', trigger_url: 'https://t.example.com' } },
      },
    };
    expect(maskPatchForDisplay(patch)).toEqual({
      name: 'Billing bot',
      webhook_secret: MASK,
      telephony: {
        sip_auth: { username: 'agent', password: MASK },
        websocket_auth: { username: 'ws', password: MASK },
        sip_uri: null,
      },
      provider: {
        credentials: { api_key: MASK, config: { trigger_secret: MASK, public_key: 'pk_2', trigger_url: 'https://t.example.com' } },
      },
    });
  });

  it('shortens the base64 content of a new file and keeps kept files as ids', () => {
    const patch: AgentWrite = { knowledge_base_files: [{ id: 7 }, { file_name: 'big.pdf', content_base64: 'A'.repeat(12_345) }] };
    expect(maskPatchForDisplay(patch)).toEqual({
      knowledge_base_files: [{ id: 7 }, { file_name: 'big.pdf', content_base64: '<12,345 base64 characters>' }],
    });
  });

  it('leaves the patch it is given as it was', () => {
    const patch: AgentWrite = { webhook_secret: 'whsec_1', provider: { credentials: { api_key: 'sk_1' } } };
    const copy = structuredClone(patch);
    maskPatchForDisplay(patch);
    expect(patch).toEqual(copy);
  });
});

describe('the review never shows a secret (property-based)', () => {
  // A secret no other value of an agent can contain by chance.
  const arbSecret = fc.stringMatching(/^[A-Za-z0-9]{6,14}$/).map((s) => `S3CR3T~${s}`);

  it('holds for any agent, any edits and any secrets typed', () => {
    fc.assert(
      fc.property(
        arbApiAgent,
        fc.array(arbEdit, { maxLength: 4 }),
        fc.record({ apiKey: arbSecret, webhook: arbSecret, trigger: arbSecret, sip: arbSecret, ws: arbSecret }),
        (loaded, edits, secrets) => {
          const values = agentToFormValues(loaded);
          for (const edit of edits) edit(values);
          values.provider.api_key = secrets.apiKey;
          values.webhook_secret = secrets.webhook;
          values.provider.config.trigger_secret = secrets.trigger;
          values.telephony.sip_auth = { username: 'u', password: secrets.sip };
          values.telephony.websocket_auth = { username: 'w', password: secrets.ws };
          const patch = buildAgentPatch(loaded, values);

          const shown = JSON.stringify([describePatch(loaded, patch), maskPatchForDisplay(patch)]);
          for (const secret of Object.values(secrets)) expect(shown).not.toContain(secret);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('describePatch, hidden changes', () => {
  it('says a password changed when nothing else in the words did', () => {
    const agent = sampleAgent();
    const [line] = describePatch(agent, { telephony: { sip_auth: { username: 'agent', password: 'new-secret' } } });
    expect(line?.field).toBe('SIP auth password');
    expect(line?.before).toBe('Set');
    expect(line?.after).toBe('Replaced');
    expect(JSON.stringify(line)).not.toContain('new-secret');
  });
});

describe('describePatch, in the editor’s words', () => {
  it('names a select’s options by their labels and switches as On/Off', () => {
    expect(
      review((v) => {
        v.provider.type = 'retell';
        v.provider.chat_type = 'whatsapp';
        v.telephony.inbound = true;
        v.provider.configure_from_provider = true;
      }),
    ).toEqual(
      expect.arrayContaining([
        ['Inbound', 'Off', 'On'],
        ['Provider type', 'Vapi', 'Retell'],
        ['Chat agent type', 'None', 'WhatsApp'],
        ['Configure from provider', 'No', 'Yes'],
      ]),
    );
  });

  it('says a kept mock tool’s served-via and name change per key, and an unnamed new item as such', () => {
    expect(
      review((v) => {
        const lookup = v.mock_tools[0];
        if (lookup) {
          lookup.served_via = 'mcp';
          lookup.mock_index = 2;
          lookup.name = 'find_order';
        }
        v.dynamic_variables.push({ name: '', description: '' });
      }),
    ).toEqual([
      ['Mock tool lookup_order: name', '“lookup_order”', '“find_order”'],
      ['Mock tool lookup_order: served via', 'Direct', 'MCP #2'],
      ['Dynamic variables', '', 'Added variable (no name yet)'],
    ]);
  });

  it('never says adds "" for an item without a name', () => {
    const lines = review((v) => {
      v.mock_tools.push({ name: '  ', description: '', mock_data: '[]', freetext_params: [], served_via: 'direct', mock_index: null });
    });
    expect(lines).toEqual([['Mock tools', '', 'Added mock tool (no name yet)']]);
    expect(JSON.stringify(lines)).not.toMatch(/adds|“”/);
  });

  it('says Cleared for a cleared password and Set for a first one, never the value', () => {
    const noWs = sampleAgent({ telephony: { ...sampleAgent().telephony, websocket_auth: null } });
    const lines = describePatch(noWs, {
      telephony: { sip_auth: { username: 'agent', password: '' }, websocket_auth: { username: 'ws', password: 'ws-s3cret' } },
    }).map(({ field, before, after }) => [field, before, after]);
    expect(lines).toEqual([
      ['SIP auth password', 'Set', 'Cleared'],
      ['WebSocket auth username', '(empty)', '“ws”'],
      ['WebSocket auth password', 'Not set', 'Set'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('ws-s3cret');
  });

  it('keeps the whole of a shortened text for expanding', () => {
    const long = `${'word '.repeat(40)}end`;
    const [line] = describePatch(agent, { description: long });
    expect(line?.after).toBe(`“${long.slice(0, 80)}…”`);
    expect(line?.afterFull).toBe(`“${long}”`);
    expect(line?.beforeFull).toBe('“Answers billing questions.”');
  });
});

describe('patchBodySize', () => {
  it('counts the UTF-8 bytes of the body as sent', () => {
    expect(patchBodySize({ name: 'A' })).toBe('{"name":"A"}'.length);
    expect(patchBodySize({ name: 'é' })).toBe('{"name":"é"}'.length + 1);
  });
});
