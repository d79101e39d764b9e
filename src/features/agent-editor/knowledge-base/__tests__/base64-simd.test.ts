import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileWat } from '../../../../../scripts/build-wasm.mjs';
import { Base64Writer } from '../base64-bytes';
import { simdBase64 } from '../base64-simd';
import { BASE64_SIMD_WASM } from '../base64-simd-wasm';

const here = path.dirname(fileURLToPath(import.meta.url));
const reference = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const ascii = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Whole 12-byte steps, the only input the SIMD encoder takes. */
const steps = (maxSteps: number) => fc.integer({ min: 0, max: maxSteps }).chain((n) => fc.uint8Array({ minLength: n * 12, maxLength: n * 12 }));

describe('the WebAssembly SIMD base64 encoder', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is the compiled base64-simd.wat (run `npm run build:wasm` after editing the .wat)', async () => {
    const source = fs.readFileSync(path.join(here, '../base64-simd.wat'), 'utf8');
    expect([...(await compileWat(source))]).toEqual([...BASE64_SIMD_WASM]);
  });

  it('runs in this engine (Node has WebAssembly SIMD, as Chromium does)', () => {
    expect(simdBase64()).not.toBeNull();
  });

  it('encodes whole steps as the reference does, written at any offset of the output', () => {
    const simd = simdBase64();
    if (!simd) throw new Error('no SIMD here');
    fc.assert(
      fc.property(steps(400), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 64 }), (bytes, lead, at) => {
        // The input sits at an odd offset of a larger buffer, as a stream's pieces do.
        const source = new Uint8Array(lead + bytes.length + 7);
        source.set(bytes, lead);
        const out = new Uint8Array(at + (bytes.length / 3) * 4 + 3).fill(33);
        simd.encodeSteps(source, lead, lead + bytes.length, out, at);
        expect(ascii(out.subarray(at, at + (bytes.length / 3) * 4))).toBe(reference(bytes));
        expect(out.subarray(0, at).every((b) => b === 33)).toBe(true); // nothing written before `at`…
        expect(out.subarray(at + (bytes.length / 3) * 4).every((b) => b === 33)).toBe(true); // …or after the encoding
      }),
      { numRuns: 300 },
    );
  });

  it('encodes input longer than one slice of its memory (768 KiB) without a seam', () => {
    const simd = simdBase64();
    if (!simd) throw new Error('no SIMD here');
    const bytes = new Uint8Array(12 * 200_000).map((_, i) => (i * 2654435761) >>> 24);
    const out = new Uint8Array((bytes.length / 3) * 4);
    simd.encodeSteps(bytes, 0, bytes.length, out, 0);
    expect(ascii(out)).toBe(reference(bytes));
  });

  it('is absent where the engine cannot compile it (no WebAssembly, or a policy refusing it), and the writer keeps to its JS encoder', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    const { simdBase64: withoutWasm } = await import('../base64-simd');
    const { Base64Writer: Writer } = await import('../base64-bytes');
    expect(withoutWasm()).toBeNull();
    const bytes = new Uint8Array(1000).map((_, i) => (i * 31) % 256);
    const writer = new Writer(bytes.length);
    writer.push(bytes);
    expect(ascii(writer.end())).toBe(reference(bytes));

    vi.resetModules();
    vi.stubGlobal('WebAssembly', {
      ...WebAssembly,
      Module: function refused() {
        throw new EvalError("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source");
      },
    });
    const { simdBase64: refused } = await import('../base64-simd');
    expect(refused()).toBeNull();
  });

  it('the writer with SIMD and without gives the same bytes for a large input fed in uneven pieces', () => {
    const bytes = new Uint8Array(1_000_003).map((_, i) => (i * 7919) % 251);
    const results = [true, false].map((simd) => {
      const writer = new Base64Writer(bytes.length, { simd });
      for (let i = 0; i < bytes.length; i += 65_537) writer.push(bytes.subarray(i, i + 65_537));
      return ascii(writer.end());
    });
    expect(results[0]).toBe(reference(bytes));
    expect(results[1]).toBe(results[0]);
  });
});
