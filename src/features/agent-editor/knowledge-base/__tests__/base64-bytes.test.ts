import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Base64Writer, READ_PIECE_BYTES, base64AsciiLength, encodeBlobToBase64Blob } from '../base64-bytes';
import { bytesToBase64 } from '../base64-chunks';

const reference = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const ascii = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Random bytes of every length class: 3k, 3k + 1 and 3k + 2 (0, 1 and 2 padding characters). */
const anyBytes = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 }))
  .chain(([groups, rest]) => fc.uint8Array({ minLength: groups * 3 + rest, maxLength: groups * 3 + rest }));

/** Cut points splitting `length` bytes into pieces of any sizes (empty ones too). */
const cuts = (length: number) => fc.uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 12 }).map((points) => [...points].sort((a, b) => a - b));

function inPieces(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const edges = [0, ...points, bytes.length];
  return edges.slice(1).map((end, i) => bytes.subarray(edges[i], end));
}

describe('base64 straight into bytes', () => {
  it.each([
    ['the WebAssembly SIMD encoder', true],
    ['the JS table encoder', false],
  ])('writes the same base64 as the reference with %s, for random bytes of every length mod 3, whatever the pieces', (_, simd) => {
    fc.assert(
      fc.property(
        anyBytes.chain((bytes) => fc.tuple(fc.constant(bytes), cuts(bytes.length))),
        ([bytes, points]) => {
          const writer = new Base64Writer(bytes.length, { simd });
          for (const piece of inPieces(bytes, points)) writer.push(piece);
          const out = writer.end();
          expect(ascii(out)).toBe(reference(bytes));
          expect(out.length).toBe(base64AsciiLength(bytes.length));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('covers lengths 0, 1, 2 and 3 and every byte value in each position', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 6]) {
      for (let value = 0; value < 256; value++) {
        const bytes = new Uint8Array(length).map((_, i) => (value + i * 85) % 256);
        const writer = new Base64Writer(length);
        writer.push(bytes);
        expect(ascii(writer.end())).toBe(reference(bytes));
      }
    }
  });

  it('the string encoder (native toBase64 where the engine has it, else btoa) and the byte writer agree with the reference', () => {
    fc.assert(
      fc.property(anyBytes, fc.boolean(), (bytes, native) => {
        const writer = new Base64Writer(bytes.length);
        writer.push(bytes);
        expect(ascii(writer.end())).toBe(reference(bytes));
        expect(bytesToBase64(bytes, { native })).toBe(reference(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses more or fewer bytes than announced (the buffer is sized for exactly them)', () => {
    const tooMany = new Base64Writer(3);
    tooMany.push(new Uint8Array(6));
    expect(() => tooMany.end()).toThrow(/more bytes/);
    const farTooMany = new Base64Writer(3);
    expect(() => farTooMany.push(new Uint8Array(24))).toThrow(/more bytes/);
    const tooFew = new Base64Writer(6);
    tooFew.push(new Uint8Array(3));
    expect(() => tooFew.end()).toThrow(/fewer bytes/);
  });

  it.each([
    ['a BYOB reader into one reused buffer', true],
    ["the default reader's pieces", false],
  ])('encodes a Blob read as a stream (%s) into a Blob of its base64 text, reporting progress up to the full size', async (_, byob) => {
    // Parts of uneven sizes; more than two of the BYOB reader's pieces.
    const size = 2 * READ_PIECE_BYTES + 100_001;
    const bytes = new Uint8Array(size).map((_, i) => (i * 7919) % 256);
    const seen: [number, number][] = [];
    const blob = await encodeBlobToBase64Blob(new Blob([bytes.subarray(0, 40_000), bytes.subarray(40_000, 1_000_003), bytes.subarray(1_000_003)]), {
      progressMs: 0,
      byob,
      onProgress: (loaded, total) => seen.push([loaded, total]),
    });
    expect(blob.type).toBe('text/plain');
    expect(await blob.text()).toBe(reference(bytes));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual([size, size]);
    expect(seen.map(([loaded]) => loaded)).toEqual([...seen.map(([loaded]) => loaded)].sort((a, b) => a - b));
  });

  it('stops with an AbortError when cancelled', async () => {
    const error: unknown = await encodeBlobToBase64Blob(new Blob([new Uint8Array(30)]), { isCancelled: () => true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });
});
