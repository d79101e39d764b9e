import { describe, expect, it } from 'vitest';
import type { ApiAgent } from '../../../../agent/api-schema';
import { buildAgentPatch } from '../../../../agent/build-agent-patch';
import { agentToFormValues } from '../../../../agent/mapping';
import type { AgentWrite } from '../../../../agent/write-types';
import { sampleAgent } from '../../../../testing/fixtures';
import { catalogueLabelOf, changedFieldLabels, listInWords } from '../field-labels';
import { sendOntoLatest } from '../send-onto-latest';
import type { AskConflicts } from '../use-conflict-prompt';

/** A server holding one agent: reads answer the current version, sends record the body. */
function fakeServer(versions: ApiAgent[]) {
  const sent: AgentWrite[] = [];
  let reads = 0;
  return {
    sent,
    reads: () => reads,
    readLatest: () => {
      const agent = versions[Math.min(reads, versions.length - 1)];
      reads += 1;
      return Promise.resolve(agent ?? sampleAgent());
    },
    send: (patch: AgentWrite) => {
      sent.push(patch);
      return Promise.resolve(sampleAgent({ updated_at: '2026-03-01T00:00:00Z', name: 'saved' }));
    },
  };
}

const never: AskConflicts = () => Promise.reject(new Error('no conflict was expected'));
const newer = (overrides: Record<string, unknown>) => sampleAgent({ updated_at: '2026-02-01T00:00:00Z', ...overrides });

describe('sendOntoLatest', () => {
  it('without a concurrent change sends exactly the minimal PATCH against the form’s baseline', async () => {
    const base = sampleAgent();
    const values = agentToFormValues(base);
    values.name = 'Billing bot';
    const server = fakeServer([sampleAgent()]);
    const outcome = await sendOntoLatest(base, values, { ...server, ask: never, confirmLabel: 'Save merged' });
    expect(server.sent).toEqual([buildAgentPatch(base, values)]);
    expect(server.sent[0]).toEqual({ name: 'Billing bot' });
    expect(outcome).toMatchObject({ status: 'sent', before: base, merged: null });
  });

  it('merges onto a newer version: a removed variable and their added one both survive', async () => {
    const base = sampleAgent();
    const values = agentToFormValues(base);
    values.dynamic_variables = values.dynamic_variables.filter((v) => v.name !== 'plan');
    const theirs = newer({ dynamic_variables: [...(base.dynamic_variables ?? []), { id: 30, name: 'colleague_var', description: 'Theirs' }] });
    const server = fakeServer([theirs]);
    const outcome = await sendOntoLatest(base, values, { ...server, ask: never, confirmLabel: 'Save merged' });
    expect(server.sent).toEqual([
      {
        dynamic_variables: [
          { name: 'customer_name', description: 'Full name' },
          { name: 'colleague_var', description: 'Theirs' },
        ],
      },
    ]);
    expect(outcome).toMatchObject({ status: 'sent', before: theirs, merged: { theirChanges: ['Dynamic variables'] } });
  });

  it('keeps a file waiting to upload (its token) through the merge', async () => {
    const base = sampleAgent();
    const values = agentToFormValues(base);
    values.knowledge_base_files.push({ file_name: 'new.md', content_base64: 'pending-file-token-1', file_size: 10 });
    const server = fakeServer([newer({ description: 'Theirs' })]);
    await sendOntoLatest(base, values, { ...server, ask: never, confirmLabel: 'Save merged' });
    expect(server.sent).toEqual([
      { knowledge_base_files: [{ id: 7 }, { id: 8 }, { file_name: 'new.md', content_base64: 'pending-file-token-1' }] },
    ]);
  });

  it('asks about conflicts; Cancel sends nothing', async () => {
    const base = sampleAgent();
    const values = agentToFormValues(base);
    values.description = 'Mine';
    const server = fakeServer([newer({ description: 'Theirs' })]);
    const asked: string[] = [];
    const outcome = await sendOntoLatest(base, values, {
      ...server,
      ask: (result, label) => {
        asked.push(`${label}: ${result.conflicts.map((c) => c.label).join(', ')}`);
        return Promise.resolve(null);
      },
      confirmLabel: 'Save merged',
    });
    expect(asked).toEqual(['Save merged: Description']);
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(server.sent).toEqual([]);
  });

  it('after the choices reads again, then sends against the version chosen on', async () => {
    const base = sampleAgent();
    const values = agentToFormValues(base);
    values.description = 'Mine';
    values.name = 'Renamed';
    const theirs = newer({ description: 'Theirs' });
    const server = fakeServer([theirs, theirs]);
    const rebased: string[] = [];
    const outcome = await sendOntoLatest(base, values, {
      ...server,
      ask: () => Promise.resolve({ description: 'theirs' }),
      confirmLabel: 'Save merged',
      onResolved: (latest, resolved) => rebased.push(`${latest.updated_at ?? ''} ${resolved.description}`),
    });
    expect(server.reads()).toBe(2);
    expect(rebased).toEqual(['2026-02-01T00:00:00Z Theirs']);
    expect(server.sent).toEqual([{ name: 'Renamed' }]);
    expect(outcome).toMatchObject({ status: 'sent', merged: { theirChanges: ['Description'] } });
  });

  it('sends nothing when the newer version already holds the edits', async () => {
    const base = sampleAgent();
    const values = agentToFormValues(base);
    values.name = 'Same';
    const theirs = newer({ name: 'Same' });
    const server = fakeServer([theirs]);
    const outcome = await sendOntoLatest(base, values, { ...server, ask: never, confirmLabel: 'Save merged' });
    expect(outcome).toMatchObject({ status: 'nothing-left', latest: theirs });
    expect(server.sent).toEqual([]);
  });
});

describe('field labels', () => {
  it('names conflicts by the catalogue’s labels, items with their collection and name', () => {
    expect(catalogueLabelOf('telephony.phone_number')).toBe('Phone number');
    expect(catalogueLabelOf('provider.config.public_key')).toBe('Provider setting: Public key');
    expect(catalogueLabelOf('dynamic_variables.*', 'order_id')).toBe('Dynamic variables “order_id”');
    expect(catalogueLabelOf('mock_tools.*.description', 'refund')).toBe('Mock tools “refund”: Description');
  });

  it('lists what changed between two versions in the catalogue’s words', () => {
    const base = sampleAgent();
    const latest = newer({
      description: 'Changed',
      telephony: { ...base.telephony, inbound: true },
      mock_tools: base.mock_tools?.slice(0, 1),
    });
    expect(changedFieldLabels(base, latest)).toEqual(['Description', 'Inbound', 'Mock tools']);
    expect(changedFieldLabels(base, sampleAgent())).toEqual([]);
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
