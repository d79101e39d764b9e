/**
 * Base64 straight into bytes, for knowledge-base uploads: the file is streamed once and each
 * piece encoded into a small reused buffer of ASCII, which is copied into a Blob part whenever
 * it is full; the parts joined are the Blob the PATCH body splices in. No string is made.
 * Measured in Chromium 156 on a 50 MB file (2 cores): the native `Uint8Array.prototype.toBase64`
 * encodes very fast (5–30 ms) but its output is a string, and a string becomes bytes slowly
 * (`TextEncoder.encodeInto` 120–230 ms for the 67 MB, `new Blob([string])` slower still), while
 * this table encoder writes the bytes in ~60 ms on one core. One Blob of one 67 MB buffer costs
 * more than the encoding (a fresh 67 MB to fault in, then copied: 60–100 ms); parts of at most
 * 256 KiB travel with the Blob itself and are copied out of a buffer still in the cache
 * (20–30 ms for the file). Runs in the encode worker (and on the page where there is no Worker).
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

/**
 * Encodes `source[from, to)`, a whole number of 12-byte steps (four groups), each read as three
 * big-endian words: about twice as fast in V8 as byte by byte, into `words` from group `at`;
 * returns the group after the last written. A DataView reads at any offset (a stream's pieces
 * are unaligned). Only whole steps come here, so the optimised loop never meets a path it has not
 * seen (a byte-by-byte tail loop here deoptimised it on every piece).
 */
function writeSteps(words: Uint32Array, at: number, table: Uint16Array, source: Uint8Array, from: number, to: number): number {
  const [high, low] = LITTLE_ENDIAN ? [0, 16] : [16, 0];
  const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
  let w = at;
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
  return w;
}

/**
 * Writes the base64 of the last 0–11 bytes (`carry[0, count)`), padded, into `out` from byte
 * `at`; returns the bytes written.
 */
function writeTail(out: Uint8Array, at: number, carry: Uint8Array, count: number): number {
  let i = 0;
  let o = at;
  for (; i + 3 <= count; i += 3) {
    const g = ((carry[i] ?? 0) << 16) | ((carry[i + 1] ?? 0) << 8) | (carry[i + 2] ?? 0);
    for (let k = 0; k < 4; k++) out[o + k] = ALPHABET.charCodeAt((g >> (18 - 6 * k)) & 63);
    o += 4;
  }
  const rest = count - i;
  if (rest > 0) {
    const a = carry[i] ?? 0;
    const b = rest > 1 ? (carry[i + 1] ?? 0) : 0;
    out[o] = ALPHABET.charCodeAt(a >> 2);
    out[o + 1] = ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4));
    out[o + 2] = rest > 1 ? ALPHABET.charCodeAt((b & 15) << 2) : PAD;
    out[o + 3] = PAD;
    o += 4;
  }
  return o - at;
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

  /** `totalBytes`: how many bytes will be pushed in all (the buffer is sized for exactly them). */
  constructor(totalBytes: number) {
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
    this.groups += writeTail(this.bytes, this.groups * 4, this.carry, this.carried) / 4;
    this.carried = 0;
    if (this.groups !== this.words.length) throw new RangeError(`Base64Writer got ${this.groups > this.words.length ? 'more' : 'fewer'} bytes than announced`);
    return this.bytes;
  }

  private writeSteps(source: Uint8Array, from: number, to: number): void {
    if (this.groups + ((to - from) / 12) * 4 > this.words.length) throw new RangeError('Base64Writer got more bytes than announced');
    this.groups = writeSteps(this.words, this.groups, this.table, source, from, to);
  }
}

/**
 * Output bytes per Blob part: Chromium sends the bytes of a new Blob of up to 256 KiB with the
 * Blob itself (larger ones are fetched from the page afterwards, slower: 4 MiB parts measured
 * slower than one whole buffer). A multiple of 16, so a part holds whole 12-byte steps.
 */
export const BLOB_PART_BYTES = 240 * 1024;

/**
 * Writes base64 (standard alphabet, padded) as ASCII into a Blob, fed in pieces of any length:
 * the encoding goes into one small buffer, reused, which becomes a Blob part each time it is full
 * (the Blob copies it), and `end()` joins the parts. Up to 11 bytes of a piece wait for the next
 * one (the writer takes 12 at a time), so the result is the encoding of the pieces joined.
 *
 * @example const w = new Base64BlobWriter(); w.push(new Uint8Array([104])); w.push(new Uint8Array([105])); await w.end().text() // → 'aGk='
 */
export class Base64BlobWriter {
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private readonly words: Uint32Array;
  private readonly table = pairs();
  private readonly carry = new Uint8Array(12);
  private carried = 0;
  /** Groups of 4 characters in the buffer, not yet in a part (always a multiple of 4 before `end`). */
  private groups = 0;
  private readonly parts: Blob[] = [];

  /** `partBytes`: the size of the buffer and so of each part but the last, a positive multiple of 16. */
  constructor(partBytes = BLOB_PART_BYTES) {
    if (!Number.isInteger(partBytes) || partBytes <= 0 || partBytes % 16 !== 0) {
      throw new RangeError(`partBytes must be a positive multiple of 16, got ${partBytes}`);
    }
    const buffer = new ArrayBuffer(partBytes);
    this.bytes = new Uint8Array(buffer);
    this.words = new Uint32Array(buffer);
  }

  push(piece: Uint8Array): void {
    let start = 0;
    if (this.carried > 0) {
      while (this.carried < 12 && start < piece.length) this.carry[this.carried++] = piece[start++] ?? 0;
      if (this.carried < 12) return;
      this.write(this.carry, 0, 12);
      this.carried = 0;
    }
    const end = start + Math.floor((piece.length - start) / 12) * 12;
    if (end > start) this.write(piece, start, end);
    for (let i = end; i < piece.length; i++) this.carry[this.carried++] = piece[i] ?? 0;
  }

  /** Writes what is left, padded, and returns the whole encoding as one Blob of type `type`. */
  end(type = 'text/plain'): Blob {
    // The tail (at most 11 bytes) takes at most 4 groups; the buffer always has room for them
    // (a full buffer became a part at once), this keeps it so whatever the part size.
    if (this.words.length - this.groups < 4) this.flush();
    this.groups += writeTail(this.bytes, this.groups * 4, this.carry, this.carried) / 4;
    this.carried = 0;
    this.flush();
    return new Blob(this.parts, { type });
  }

  /** Encodes `source[from, to)`, whole steps, into the buffer, a part whenever it fills. */
  private write(source: Uint8Array, from: number, to: number): void {
    let i = from;
    while (i < to) {
      const stop = Math.min(to, i + (this.words.length - this.groups) * 3);
      this.groups = writeSteps(this.words, this.groups, this.table, source, i, stop);
      i = stop;
      if (this.groups === this.words.length) this.flush();
    }
  }

  private flush(): void {
    if (this.groups > 0) this.parts.push(new Blob([this.bytes.subarray(0, this.groups * 4)]));
    this.groups = 0;
  }
}

export interface EncodeToBlobOptions {
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
 * piece written as the next one is read, in Blob parts of `BLOB_PART_BYTES`).
 *
 * @example await (await encodeBlobToBase64Blob(new Blob(['hello']))).text() // → 'aGVsbG8='
 */
export async function encodeBlobToBase64Blob(blob: Blob, options: EncodeToBlobOptions = {}): Promise<Blob> {
  const { onProgress, isCancelled, progressMs = 200 } = options;
  const total = blob.size;
  const writer = new Base64BlobWriter();
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
  if (loaded !== total) throw new DOMException(`The file changed while it was read (${loaded} of ${total} bytes)`, 'NotReadableError');
  const base64 = writer.end('text/plain');
  onProgress?.(total, total);
  return base64;
}
