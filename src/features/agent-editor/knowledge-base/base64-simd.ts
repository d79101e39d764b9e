import { BASE64_SIMD_WASM } from './base64-simd-wasm';

/**
 * The SIMD base64 encoder (base64-simd.wat) for whole 12-byte steps: input is copied into the
 * module's memory a slice at a time, encoded there, and the ASCII copied out to where the caller
 * wants it. Null where the engine has no WebAssembly SIMD, or where the page's policy refuses to
 * compile WebAssembly (CSP without 'wasm-unsafe-eval'): the caller keeps its JS encoder.
 */
export interface SimdBase64 {
  /** Encodes `source[from, to)` (a multiple of 12 bytes) as ASCII into `out` from `at`. */
  encodeSteps: (source: Uint8Array, from: number, to: number, out: Uint8Array, at: number) => void;
}

/** Input bytes a call: a multiple of 12, so a slice encodes to whole groups. */
const SLICE_BYTES = 12 * 64 * 1024;
/** The encoder reads 16 bytes a step where it uses 12: room past the input slice. */
const INPUT_ROOM = SLICE_BYTES + 16;
const OUTPUT_AT = INPUT_ROOM;
const PAGE = 64 * 1024;

type Encode = (src: number, end: number, dst: number) => void;

let made: SimdBase64 | null | undefined;

function make(): SimdBase64 | null {
  if (typeof WebAssembly === 'undefined') return null;
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil((OUTPUT_AT + (SLICE_BYTES / 3) * 4) / PAGE) });
    // A module this small compiles synchronously anywhere, the page included.
    const instance = new WebAssembly.Instance(new WebAssembly.Module(BASE64_SIMD_WASM), { env: { memory } });
    const encode = instance.exports.encode as Encode;
    const heap = new Uint8Array(memory.buffer);
    return {
      encodeSteps(source, from, to, out, at) {
        let written = at;
        for (let start = from; start < to; start += SLICE_BYTES) {
          const length = Math.min(SLICE_BYTES, to - start);
          heap.set(source.subarray(start, start + length), 0);
          encode(0, length, OUTPUT_AT);
          const ascii = (length / 3) * 4;
          out.set(heap.subarray(OUTPUT_AT, OUTPUT_AT + ascii), written);
          written += ascii;
        }
      },
    };
  } catch {
    return null;
  }
}

/** The SIMD encoder, made once per thread; null where WebAssembly SIMD cannot run here. */
export function simdBase64(): SimdBase64 | null {
  if (made === undefined) made = make();
  return made;
}
