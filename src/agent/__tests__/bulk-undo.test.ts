import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../testing/fixtures';
import { bulkUndoCaveats, buildBulkUndoPatch, UndoConflict } from '../bulk-undo';
import type { SavedByBulkEdit } from '../bulk-undo';

const OLD = 'https://hooks.example.com/cekura';
const NEW = 'https://hooks.example.com/moved';

function saved(): SavedByBulkEdit {
  const before = sampleAgent();
  return { before, sent: { webhook_url: NEW }, after: sampleAgent({ webhook_url: NEW, updated_at: '2026-02-01T00:00:00Z' }) };
}

describe('buildBulkUndoPatch', () => {
  it('sends back only what the bulk edit changed', () => {
    const s = saved();
    expect(buildBulkUndoPatch(s, s.after)).toEqual({ webhook_url: OLD });
  });

  it('keeps a colleague’s later change to another field', () => {
    const s = saved();
    const latest = sampleAgent({ webhook_url: NEW, description: 'Changed by Carl', updated_at: '2026-02-02T00:00:00Z' });
    expect(buildBulkUndoPatch(s, latest)).toEqual({ webhook_url: OLD });
  });

  it('refuses when a colleague changed the same field since', () => {
    const s = saved();
    const latest = sampleAgent({ webhook_url: 'https://hooks.example.com/carl', updated_at: '2026-02-02T00:00:00Z' });
    expect(() => buildBulkUndoPatch(s, latest)).toThrow(UndoConflict);
  });

  it('is null when the agent is already back as it was', () => {
    expect(buildBulkUndoPatch(saved(), sampleAgent({ updated_at: '2026-02-02T00:00:00Z' }))).toBeNull();
  });

  it('says that a typed webhook secret cannot be put back', () => {
    const s = { ...saved(), sent: { webhook_secret: 'x' } };
    expect(bulkUndoCaveats(s)).toEqual([expect.stringContaining('“Webhook secret” was set by the save')]);
  });
});
