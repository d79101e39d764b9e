import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EncodeResponse } from '../encode-protocol';
import { pageEncoder, splitAcross } from '../file-encoder';

const reference = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Runs one file through `splitAcross` over `laneCount` page encoders; resolves with every message for it. */
function encodeSplit(bytes: Uint8Array<ArrayBuffer>, laneCount: number, splitFromBytes: number, { cancel = false } = {}): Promise<EncodeResponse[]> {
  return new Promise((resolve) => {
    const seen: EncodeResponse[] = [];
    const encoder = splitAcross(
      (report) => Array.from({ length: laneCount }, () => pageEncoder(report)),
      (message) => {
        seen.push(message);
        if (message.type !== 'progress') resolve(seen);
      },
      splitFromBytes,
    );
    encoder.start('file-1', new Blob([bytes]));
    if (cancel) encoder.cancel('file-1');
  });
}

describe('a file split across encoders', () => {
  it('joins the parts into the base64 of the whole file, for any size and number of lanes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 100 }), async (bytes, lanes, splitFrom) => {
        const seen = await encodeSplit(bytes, lanes, splitFrom);
        const done = seen.at(-1);
        expect(done?.type).toBe('done');
        expect(done?.id).toBe('file-1');
        if (done?.type !== 'done') return;
        expect(await done.base64.text()).toBe(reference(bytes));
        expect(done.base64.type).toBe('text/plain');
      }),
      { numRuns: 100 },
    );
  });

  it('reports the progress of all parts together, never more than the file, ending at its size', async () => {
    const bytes = new Uint8Array(30_001).map((_, i) => i % 251);
    const seen = await encodeSplit(bytes, 3, 1);
    const progress = seen.flatMap((m) => (m.type === 'progress' ? [m] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((m) => m.id === 'file-1' && m.total === 30_001 && m.loaded <= 30_001)).toBe(true);
    expect(progress.at(-1)?.loaded).toBe(30_001);
  });

  it('reports a cancelled file as cancelled, not as done', async () => {
    const seen = await encodeSplit(new Uint8Array(9000), 3, 1, { cancel: true });
    const outcomes = seen.filter((m) => m.type !== 'progress');
    expect(outcomes).toEqual([expect.objectContaining({ type: 'error', id: 'file-1', cancelled: true })]);
  });
});
