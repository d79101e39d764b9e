import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Length, bytesToBase64, encodeBlobToBase64Chunks } from '../base64-chunks';

const expected = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('chunked base64', () => {
  it('joined chunk encodings equal the encoding of the whole file, for random bytes and chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 5000 }),
        fc.integer({ min: 1, max: 400 }).map((n) => n * 3),
        fc.boolean(),
        async (bytes, chunkBytes, native) => {
          const chunks = await encodeBlobToBase64Chunks(new Blob([bytes]), { chunkBytes, native });
          expect(chunks.join('')).toBe(expected(bytes));
          expect(chunks.join('').length).toBe(base64Length(bytes.length));
          expect(chunks.length).toBe(Math.ceil(bytes.length / chunkBytes));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('encodes a buffer larger than one fromCharCode batch without the native encoder', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    expect(bytesToBase64(bytes, { native: false })).toBe(expected(bytes));
  });

  it('reports progress after each chunk, ending at the full size', async () => {
    const bytes = new Uint8Array(10_000).fill(65);
    const seen: [number, number][] = [];
    await encodeBlobToBase64Chunks(new Blob([bytes]), { chunkBytes: 3000, onProgress: (loaded, total) => seen.push([loaded, total]) });
    expect(seen).toEqual([
      [3000, 10_000],
      [6000, 10_000],
      [9000, 10_000],
      [10_000, 10_000],
    ]);
  });

  it('refuses a chunk size that is not a multiple of 3 (the encodings would not concatenate)', async () => {
    await expect(encodeBlobToBase64Chunks(new Blob(['abcd']), { chunkBytes: 4 })).rejects.toThrow(RangeError);
  });

  it('stops with an AbortError when cancelled between chunks', async () => {
    let calls = 0;
    const run = encodeBlobToBase64Chunks(new Blob([new Uint8Array(30)]), { chunkBytes: 3, isCancelled: () => ++calls > 2 });
    const error: unknown = await run.catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
  });
});
