import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../testing/fixtures';
import { bulkEditProblems } from '../bulk-edit-problems';
import { BULK_FIELDS, bulkChanges, bulkFieldLabel, buildBulkPatch, EMPTY_BULK_EDIT } from '../bulk-patch';
import type { BulkEditSpec } from '../bulk-patch';

const spec = (more: Partial<BulkEditSpec>): BulkEditSpec => ({ ...EMPTY_BULK_EDIT, ...more });

describe('buildBulkPatch', () => {
  it('sends only the field turned on', () => {
    const agent = sampleAgent();
    expect(buildBulkPatch(spec({ fields: { webhook_url: 'https://hooks.example.com/moved' } }), agent)).toEqual({ webhook_url: 'https://hooks.example.com/moved' });
    expect(buildBulkPatch(spec({ fields: { 'telephony.inbound': true, 'provider.auto_dial_outbound': false } }), agent)).toEqual({
      telephony: { inbound: true },
      provider: { auto_dial_outbound: false },
    });
  });

  it('is null when nothing would change (the agent is skipped)', () => {
    const agent = sampleAgent();
    expect(buildBulkPatch(EMPTY_BULK_EDIT, agent)).toBeNull();
    expect(buildBulkPatch(spec({ fields: { webhook_url: 'https://hooks.example.com/cekura', project: 1, language: 'en' } }), agent)).toBeNull();
    expect(buildBulkPatch(spec({ variables: [{ name: 'plan', description: 'Subscription plan' }] }), agent)).toBeNull();
    expect(buildBulkPatch(spec({ removals: [{ kind: 'tool', name: 'not_there' }, { kind: 'variable', name: 'nope' }] }), agent)).toBeNull();
  });

  it('adds a variable: the full set of the agent plus the new one', () => {
    const patch = buildBulkPatch(spec({ variables: [{ name: 'order_id', description: 'The order' }] }), sampleAgent());
    expect(patch).toEqual({
      dynamic_variables: [
        { name: 'customer_name', description: 'Full name' },
        { name: 'plan', description: 'Subscription plan' },
        { name: 'order_id', description: 'The order' },
      ],
    });
  });

  it('updates a tool by name as {id} plus its changed keys, keeps the others as {id}, and adds new ones whole', () => {
    const patch = buildBulkPatch(
      spec({
        tools: [
          { name: 'refund', description: 'Refunds an order', mock_data: '[]' },
          { name: 'escalate', description: 'Hands over', mock_data: '[{"input": {}, "output": {"ok": true}}]' },
        ],
      }),
      sampleAgent(),
    );
    expect(patch).toEqual({
      mock_tools: [
        { id: 11 },
        { id: 12, description: 'Refunds an order' },
        { name: 'escalate', description: 'Hands over', mock_data: [{ input: {}, output: { ok: true } }], freetext_params: [], served_via: { type: 'direct' } },
      ],
    });
  });

  it('removes a variable and a tool by name, keeping every other item', () => {
    const patch = buildBulkPatch(spec({ removals: [{ kind: 'variable', name: 'plan' }, { kind: 'tool', name: 'lookup_order' }] }), sampleAgent());
    expect(patch).toEqual({ mock_tools: [{ id: 12 }], dynamic_variables: [{ name: 'customer_name', description: 'Full name' }] });
  });

  it('always sends a typed webhook secret (write-only: it cannot be compared)', () => {
    expect(buildBulkPatch(spec({ fields: { webhook_secret: 's3cret' } }), sampleAgent())).toEqual({ webhook_secret: 's3cret' });
  });
});

describe('bulkChanges', () => {
  it('names each change with the catalogue’s labels, and nothing for a skipped agent', () => {
    const agent = sampleAgent();
    const changes = bulkChanges(
      spec({ fields: { webhook_url: 'https://hooks.example.com/x', language: 'en' }, tools: [{ name: 'refund', description: 'New', mock_data: '[]' }], removals: [{ kind: 'variable', name: 'plan' }] }),
      agent,
    );
    expect(changes).toEqual([
      { kind: 'field', field: 'webhook_url', label: 'Webhook URL', from: 'https://hooks.example.com/cekura', to: 'https://hooks.example.com/x' },
      { kind: 'item', collection: 'dynamic_variables', label: 'Dynamic variables', name: 'plan', action: 'remove', shared: false },
      { kind: 'item', collection: 'mock_tools', label: 'Mock tools', name: 'refund', action: 'update', shared: true },
    ]);
    expect(bulkChanges(spec({ fields: { language: 'en' } }), agent)).toEqual([]);
  });

  it('labels every bulk field from the field catalogue', () => {
    expect(BULK_FIELDS.map(bulkFieldLabel)).toEqual([
      'Project',
      'Language',
      'Agent speaks first',
      'Webhook URL',
      'Webhook secret',
      'Mock tools enabled',
      'Inbound',
      'Auto-dial outbound',
      'Auto-import calls',
      'Auto-sync prompt',
      'Send post-conversation metadata',
      'Redact fields',
    ]);
  });
});

describe('bulkEditProblems', () => {
  it('checks with the editor’s rules', () => {
    expect(bulkEditProblems(EMPTY_BULK_EDIT)).toEqual({});
    expect(
      bulkEditProblems(
        spec({
          fields: { webhook_url: 'ftp://files.example.com', webhook_secret: '' },
          variables: [{ name: '1st', description: '' }, { name: 'ok', description: 'x' }, { name: 'ok', description: 'y' }],
          tools: [{ name: 'bad name', description: '', mock_data: '{' }],
          removals: [{ kind: 'variable', name: 'ok' }, { kind: 'tool', name: ' ' }],
        }),
      ),
    ).toEqual({
      webhook_url: 'Enter a URL starting with http:// or https://',
      webhook_secret: 'Type the new secret',
      'variables.0.name': 'Start with a letter or _, then letters, digits or _',
      'variables.0.description': 'Description is required',
      'variables.2.name': 'Another variable here has this name',
      'tools.0.name': 'Use letters, digits, _ and - (at most 63 characters)',
      'tools.0.mock_data': 'Enter valid JSON',
      'removals.0.name': 'This variable is also added or updated above',
      'removals.1.name': 'Enter a name',
    });
  });
});
