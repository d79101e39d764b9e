import { type SimdBase64, simdBase64 } from './base64-simd';

/**
 * Base64 straight into bytes, for knowledge-base uploads: the file is streamed once and each
 * piece encoded into one preallocated buffer of ASCII, which becomes the Blob the PATCH body
 * splices in. No string is made: measured in Chromium on a 50 MB file, the native
 * `Uint8Array.prototype.toBase64` encodes fast (~40 ms) but turning its strings into a Blob (or
 * into bytes with `TextEncoder`) costs 150–800 ms. The bytes are written by the WebAssembly SIMD
 * encoder (base64-simd.wat: 25 MB in 8–11 ms in a Chromium worker, copies included) where the
 * engine and the page's policy allow it, else by the table loop below (~38 ms). Runs in the
 * encode worker (and on the page where there is no Worker).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 61; // '='

/** True where a Uint32 is stored low byte first (every engine we ship to; the table adapts anyway). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

let pairTable: Uint16Array | null = null;

/**
 * The two base64 characters of every 12-bit value, as the 16 bits that store them in memory
 * order; two entries make the 32-bit word of one 3-byte group.
 */
function pairs(): Uint16Array {
  if (pairTable) return pairTable;
  const table = new Uint16Array(4096);
  for (let i = 0; i < 4096; i++) {
    const first = ALPHABET.charCodeAt(i >> 6);
    const second = ALPHABET.charCodeAt(i & 63);
    table[i] = LITTLE_ENDIAN ? first | (second << 8) : (first << 8) | second;
  }
  pairTable = table;
  return table;
}

/** The length of the base64 of `bytes` bytes, padding included. */
export function base64AsciiLength(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * Writes base64 (standard alphabet, padded) as ASCII bytes into one buffer, fed in pieces of any
 * length: up to 11 bytes of a piece wait for the next one (the writer takes 12 at a time), so the
 * result is the encoding of the pieces joined.
 *
 * @example const w = new Base64Writer(2); w.push(new Uint8Array([104])); w.push(new Uint8Array([105])); new TextDecoder().decode(w.end()) // → 'aGk='
 */
export class Base64Writer {
  private readonly words: Uint32Array;
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private readonly table = pairs();
  private readonly carry = new Uint8Array(12);
  private carried = 0;
  /** Groups of 4 characters written so far. */
  private groups = 0;

  /** The WebAssembly SIMD encoder where this engine runs it, else the table loop below. */
  private readonly simd: SimdBase64 | null;

  /**
   * `totalBytes`: how many bytes will be pushed in all (the buffer is sized for exactly them).
   * `simd: false` keeps to the JS table encoder (tests compare the two).
   */
  constructor(totalBytes: number, { simd = true }: { simd?: boolean } = {}) {
    this.simd = simd ? simdBase64() : null;
    const buffer = new ArrayBuffer(Math.ceil(totalBytes / 3) * 4);
    this.words = new Uint32Array(buffer);
    this.bytes = new Uint8Array(buffer);
  }

  push(piece: Uint8Array): void {
    let start = 0;
    if (this.carried > 0) {
      while (this.carried < 12 && start < piece.length) this.carry[this.carried++] = piece[start++] ?? 0;
      if (this.carried < 12) return;
      this.writeSteps(this.carry, 0, 12);
      this.carried = 0;
    }
    const end = start + Math.floor((piece.length - start) / 12) * 12;
    if (end > start) this.writeSteps(piece, start, end);
    for (let i = end; i < piece.length; i++) this.carry[this.carried++] = piece[i] ?? 0;
  }

  /** Writes what is left, padded, and returns the ASCII of the whole encoding. Throws when more or fewer bytes came than announced. */
  end(): Uint8Array<ArrayBuffer> {
    const out = this.bytes;
    const carry = this.carry;
    let i = 0;
    for (; i + 3 <= this.carried; i += 3) {
      const g = ((carry[i] ?? 0) << 16) | ((carry[i + 1] ?? 0) << 8) | (carry[i + 2] ?? 0);
      const at = this.groups * 4;
      for (let k = 0; k < 4; k++) out[at + k] = ALPHABET.charCodeAt((g >> (18 - 6 * k)) & 63);
      this.groups += 1;
    }
    const rest = this.carried - i;
    if (rest > 0) {
      const a = carry[i] ?? 0;
      const b = rest > 1 ? (carry[i + 1] ?? 0) : 0;
      const at = this.groups * 4;
      out[at] = ALPHABET.charCodeAt(a >> 2);
      out[at + 1] = ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4));
      out[at + 2] = rest > 1 ? ALPHABET.charCodeAt((b & 15) << 2) : PAD;
      out[at + 3] = PAD;
      this.groups += 1;
    }
    this.carried = 0;
    if (this.groups !== this.words.length) throw new RangeError(`Base64Writer got ${this.groups > this.words.length ? 'more' : 'fewer'} bytes than announced`);
    return out;
  }

  /**
   * Encodes `source[from, to)`, a whole number of 12-byte steps (four groups): with SIMD where it
   * runs, else in this loop, each step read as three big-endian words: about twice as fast in V8
   * as byte by byte. A DataView reads at any offset (a stream's pieces are unaligned). Only whole
   * steps come here, so the optimised loop never meets a path it has not seen (a byte-by-byte
   * tail loop here deoptimised it on every piece).
   */
  private writeSteps(source: Uint8Array, from: number, to: number): void {
    const words = this.words;
    const table = this.table;
    if (this.groups + ((to - from) / 12) * 4 > words.length) throw new RangeError('Base64Writer got more bytes than announced');
    if (this.simd) {
      this.simd.encodeSteps(source, from, to, this.bytes, this.groups * 4);
      this.groups += ((to - from) / 12) * 4;
      return;
    }
    const [high, low] = LITTLE_ENDIAN ? [0, 16] : [16, 0];
    const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
    let w = this.groups;
    for (let i = from; i < to; i += 12) {
      const a = view.getUint32(i);
      const b = view.getUint32(i + 4);
      const c = view.getUint32(i + 8);
      const g0 = a >>> 8;
      const g1 = ((a & 0xff) << 16) | (b >>> 16);
      const g2 = ((b & 0xffff) << 8) | (c >>> 24);
      const g3 = c & 0xffffff;
      words[w] = ((table[g0 >>> 12] ?? 0) << high) | ((table[g0 & 4095] ?? 0) << low);
      words[w + 1] = ((table[g1 >>> 12] ?? 0) << high) | ((table[g1 & 4095] ?? 0) << low);
      words[w + 2] = ((table[g2 >>> 12] ?? 0) << high) | ((table[g2 & 4095] ?? 0) << low);
      words[w + 3] = ((table[g3 >>> 12] ?? 0) << high) | ((table[g3 & 4095] ?? 0) << low);
      w += 4;
    }
    this.groups = w;
  }
}

export interface EncodeToBlobOptions {
  /** Read with a BYOB reader into one reused buffer where the stream allows (default); false: the default reader. */
  byob?: boolean;
  /** Called as reading goes, with the bytes encoded so far (at most every `progressMs`), and at the end. */
  onProgress?: (loaded: number, total: number) => void;
  /** Checked before each piece: true stops the encoding with an AbortError. */
  isCancelled?: () => boolean;
  /**
   * The least time between two progress reports, 200 ms by default: each report re-renders the
   * row on the page, and a 50 MB file reads in a few hundred milliseconds.
   */
  progressMs?: number;
}

/**
 * Bytes read a BYOB piece at a time: a multiple of 12 (the writer's step), so full pieces carry
 * nothing over; about the size of the SIMD encoder's slice.
 */
export const READ_PIECE_BYTES = 12 * 64 * 1024;

/**
 * The blob's bytes in pieces. Where the stream is a byte stream, read into one buffer reused for
 * every piece (BYOB): no fresh memory per piece, which a 50 MB file otherwise faults in (measured
 * in a Chromium worker: 25 MB read and encoded in 27–41 ms this way, 60–76 ms with the default
 * reader's new buffer per piece). A piece is only valid until the next one is asked for.
 */
async function* pieces(blob: Blob, { byob = true }: { byob?: boolean } = {}): AsyncGenerator<Uint8Array> {
  if (typeof blob.stream !== 'function') {
    yield new Uint8Array(await blob.arrayBuffer());
    return;
  }
  const stream = blob.stream();
  let byobReader: ReadableStreamBYOBReader | null = null;
  if (byob) {
    try {
      byobReader = stream.getReader({ mode: 'byob' });
    } catch {
      // Not a byte stream here: the default reader below.
    }
  }
  if (!byobReader) {
    yield* defaultPieces(stream.getReader());
    return;
  }
  const reader = byobReader;
  try {
    let buffer = new ArrayBuffer(READ_PIECE_BYTES);
    let filled = 0;
    for (;;) {
      // The read takes the buffer over and hands it back in `value`.
      const { done, value } = await reader.read(new Uint8Array(buffer, filled));
      if (value) {
        buffer = value.buffer;
        filled += value.length;
      }
      if (done || filled === buffer.byteLength) {
        if (filled > 0) yield new Uint8Array(buffer, 0, filled);
        filled = 0;
      }
      if (done) return;
    }
  } finally {
    // Stops the read when the caller stops early (cancelled); a no-op once the stream is done.
    void reader.cancel().catch(() => undefined);
  }
}

async function* defaultPieces(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/**
 * Reads `blob` once, as a stream, and returns a Blob of its base64 text (the encoding of each
 * piece written as the next one is read).
 *
 * @example await (await encodeBlobToBase64Blob(new Blob(['hello']))).text() // → 'aGVsbG8='
 */
export async function encodeBlobToBase64Blob(blob: Blob, options: EncodeToBlobOptions = {}): Promise<Blob> {
  const { onProgress, isCancelled, progressMs = 200, byob = true } = options;
  const total = blob.size;
  const writer = new Base64Writer(total);
  let loaded = 0;
  let lastReport = performance.now();
  const cancelled = () => new DOMException('The file reading was cancelled', 'AbortError');
  if (isCancelled?.()) throw cancelled();
  for await (const piece of pieces(blob, { byob })) {
    if (isCancelled?.()) throw cancelled();
    writer.push(piece);
    loaded += piece.length;
    if (onProgress && loaded < total && performance.now() - lastReport >= progressMs) {
      onProgress(loaded, total);
      lastReport = performance.now();
    }
  }
  const ascii = writer.end();
  onProgress?.(total, total);
  return new Blob([ascii], { type: 'text/plain' });
}
