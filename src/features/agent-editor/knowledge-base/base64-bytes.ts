/**
 * Base64 straight into bytes, for knowledge-base uploads: the file is streamed once and each
 * piece encoded into one preallocated buffer of ASCII, which becomes the Blob the PATCH body
 * splices in. No string is made: measured in Chromium on a 50 MB file, the native
 * `Uint8Array.prototype.toBase64` encodes fast (~40 ms) but turning its strings into a Blob (or
 * into bytes with `TextEncoder`) costs 150–800 ms, while this table encoder writes the bytes in
 * ~80–110 ms. Runs in the encode worker (and on the page where there is no Worker).
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
 * length: up to 2 bytes of a piece wait for the next one, so the result is the encoding of the
 * pieces joined.
 *
 * @example const w = new Base64Writer(2); w.push(new Uint8Array([104])); w.push(new Uint8Array([105])); new TextDecoder().decode(w.end()) // → 'aGk='
 */
export class Base64Writer {
  private readonly words: Uint32Array;
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private readonly table = pairs();
  private readonly carry = new Uint8Array(3);
  private carried = 0;
  /** Groups of 4 characters written so far. */
  private groups = 0;

  /** `totalBytes`: how many bytes will be pushed in all (the buffer is sized for exactly them). */
  constructor(totalBytes: number) {
    const buffer = new ArrayBuffer(Math.ceil(totalBytes / 3) * 4);
    this.words = new Uint32Array(buffer);
    this.bytes = new Uint8Array(buffer);
  }

  push(piece: Uint8Array): void {
    let start = 0;
    if (this.carried > 0) {
      while (this.carried < 3 && start < piece.length) this.carry[this.carried++] = piece[start++] ?? 0;
      if (this.carried < 3) return;
      this.writeGroups(this.carry, 0, 3);
      this.carried = 0;
    }
    const end = start + Math.floor((piece.length - start) / 3) * 3;
    if (end > start) this.writeGroups(piece, start, end);
    for (let i = end; i < piece.length; i++) this.carry[this.carried++] = piece[i] ?? 0;
  }

  /** Pads what is left and returns the ASCII of the whole encoding. Throws when fewer or more bytes came than announced. */
  end(): Uint8Array<ArrayBuffer> {
    const at = this.groups * 4;
    if (this.carried > 0) {
      const a = this.carry[0] ?? 0;
      const b = this.carried > 1 ? (this.carry[1] ?? 0) : 0;
      const out = this.bytes;
      out[at] = ALPHABET.charCodeAt(a >> 2);
      out[at + 1] = ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4));
      out[at + 2] = this.carried > 1 ? ALPHABET.charCodeAt((b & 15) << 2) : PAD;
      out[at + 3] = PAD;
      this.groups += 1;
      this.carried = 0;
    }
    if (this.groups !== this.words.length) throw new RangeError('Base64Writer got fewer bytes than announced');
    return this.bytes;
  }

  /** Encodes `source[from, to)`, a whole number of 3-byte groups. */
  private writeGroups(source: Uint8Array, from: number, to: number): void {
    const words = this.words;
    const table = this.table;
    if (this.groups + (to - from) / 3 > words.length) throw new RangeError('Base64Writer got more bytes than announced');
    const [high, low] = LITTLE_ENDIAN ? [0, 16] : [16, 0];
    let w = this.groups;
    let i = from;
    // 12 bytes (four groups) per step, read as three big-endian words: about twice as fast in
    // V8 as reading byte by byte. A DataView reads at any offset (a stream's pieces are unaligned).
    const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
    for (const end = to - 11; i < end; i += 12) {
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
    for (; i < to; i += 3) {
      const g = (view.getUint8(i) << 16) | (view.getUint8(i + 1) << 8) | view.getUint8(i + 2);
      words[w++] = ((table[g >>> 12] ?? 0) << high) | ((table[g & 4095] ?? 0) << low);
    }
    this.groups = w;
  }
}

export interface EncodeToBlobOptions {
  /** Called as reading goes, with the bytes encoded so far (at most every `progressMs`), and at the end. */
  onProgress?: (loaded: number, total: number) => void;
  /** Checked before each piece: true stops the encoding with an AbortError. */
  isCancelled?: () => boolean;
  /**
   * The least time between two progress reports, 100 ms by default: each report re-renders the
   * row on the page, and a 50 MB file reads in a few hundred milliseconds.
   */
  progressMs?: number;
}

async function* pieces(blob: Blob): AsyncGenerator<Uint8Array> {
  if (typeof blob.stream !== 'function') {
    yield new Uint8Array(await blob.arrayBuffer());
    return;
  }
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops the read when the caller stops early (cancelled); a no-op once the stream is done.
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
  const { onProgress, isCancelled, progressMs = 100 } = options;
  const total = blob.size;
  const writer = new Base64Writer(total);
  let loaded = 0;
  let lastReport = performance.now();
  const cancelled = () => new DOMException('The file reading was cancelled', 'AbortError');
  if (isCancelled?.()) throw cancelled();
  for await (const piece of pieces(blob)) {
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
