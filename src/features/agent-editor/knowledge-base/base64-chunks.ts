/**
 * Chunked base64 for knowledge-base uploads: the file is read a slice at a time and each slice
 * encoded on its own. A slice whose length is a multiple of 3 encodes without padding, so the
 * slices' encodings joined are the encoding of the whole file. Runs in the encode worker (and in
 * tests, where there is no Worker).
 */

/** 3 MiB: a multiple of 3, small enough that one slice encodes in a few milliseconds. */
export const ENCODE_CHUNK_BYTES = 3 * 1024 * 1024;

const FROM_CHAR_CODE_BATCH = 0x8000;

interface WithNativeBase64 {
  toBase64?: () => string;
}

/**
 * Base64 of `bytes` (standard alphabet, padded). Uses `Uint8Array.prototype.toBase64` where the
 * engine has it, else `btoa` over a binary string.
 *
 * @example bytesToBase64(new Uint8Array([104, 105])) // → 'aGk='
 */
export function bytesToBase64(bytes: Uint8Array, { native = true }: { native?: boolean } = {}): string {
  const toBase64 = (bytes as WithNativeBase64).toBase64;
  if (native && typeof toBase64 === 'function') return toBase64.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += FROM_CHAR_CODE_BATCH) {
    binary += String.fromCharCode(...bytes.subarray(i, i + FROM_CHAR_CODE_BATCH));
  }
  return btoa(binary);
}

export interface EncodeOptions {
  /** Bytes per slice; must be a positive multiple of 3. */
  chunkBytes?: number;
  /** Called after each slice with the bytes read so far. */
  onProgress?: (loaded: number, total: number) => void;
  /** Checked between slices: true stops the encoding with an AbortError. */
  isCancelled?: () => boolean;
  /** Use the engine's `toBase64` when it has one (tests turn it off to cover the fallback). */
  native?: boolean;
}

/**
 * Reads `blob` slice by slice and returns the base64 of each slice, in order; joined, they are
 * the base64 of the whole blob.
 *
 * @example (await encodeBlobToBase64Chunks(new Blob(['hello']))).join('') // → 'aGVsbG8='
 */
export async function encodeBlobToBase64Chunks(blob: Blob, options: EncodeOptions = {}): Promise<string[]> {
  const { chunkBytes = ENCODE_CHUNK_BYTES, onProgress, isCancelled, native = true } = options;
  if (!Number.isInteger(chunkBytes) || chunkBytes <= 0 || chunkBytes % 3 !== 0) {
    throw new RangeError(`chunkBytes must be a positive multiple of 3, got ${chunkBytes}`);
  }
  const chunks: string[] = [];
  for (let offset = 0; offset < blob.size; offset += chunkBytes) {
    if (isCancelled?.()) throw new DOMException('The file reading was cancelled', 'AbortError');
    const end = Math.min(offset + chunkBytes, blob.size);
    const bytes = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    chunks.push(bytesToBase64(bytes, { native }));
    onProgress?.(end, blob.size);
  }
  return chunks;
}

/** The length of the base64 of `bytes` bytes, padding included. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
