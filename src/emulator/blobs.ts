import fs from 'node:fs';
import path from 'node:path';
import { KNOWLEDGE_BASE_FILE_RULE } from '../agent/rules';

/** Where knowledge-base contents are served, same origin, no API key (a plain link works). */
export const FILES_PATH_PREFIX = '/emulator-files/';

const MIME_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  json: 'application/json',
  csv: 'text/csv',
  xml: 'application/xml',
  md: 'text/markdown',
};

export function mimeTypeOf(fileName: string): string {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

/** A name safe to use as one path segment on disk. */
function diskName(fileName: string): string {
  const safe = fileName.replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^\.+/, '_');
  return safe === '' ? 'file' : safe;
}

export function fileUrl(blobId: number, fileName: string): string {
  return `${FILES_PATH_PREFIX}${blobId}/${encodeURIComponent(fileName)}`;
}

const MB = 1024 * 1024;

/** Decodes upload content (base64 or base64url, a `data:` prefix already stripped); throws with a user-facing message. */
export function decodeBase64Content(content: string): Buffer {
  const compact = /\s/.test(content) ? content.replace(/\s+/g, '') : content;
  if (compact === '') throw new Error('The submitted file is empty.');
  const unpadded = compact.replace(/=+$/, '');
  const estimated = Math.floor((unpadded.length * 3) / 4);
  if (estimated > KNOWLEDGE_BASE_FILE_RULE.maxBytes) {
    throw new Error(`File too large (${(estimated / MB).toFixed(1)} MB). The limit is ${KNOWLEDGE_BASE_FILE_RULE.maxBytes / MB} MB.`);
  }
  if (!/^[A-Za-z0-9+/_-]*$/.test(unpadded) || unpadded.length % 4 === 1 || compact.length - unpadded.length > 2) {
    throw new Error('The file content is not valid base64.');
  }
  const bytes = Buffer.from(unpadded, 'base64');
  if (bytes.length === 0) throw new Error('The submitted file is empty.');
  return bytes;
}

/** File contents on disk: `<root>/<blobId>/<safe name>`. Never deleted except by a reset, so a restore can bring a file back. */
export class BlobStore {
  constructor(readonly root: string) {}

  private pathOf(blobId: number, fileName: string): string {
    return path.join(this.root, String(blobId), diskName(fileName));
  }

  write(blobId: number, fileName: string, bytes: Buffer | string): void {
    const target = this.pathOf(blobId, fileName);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }

  read(blobId: number, fileName: string): Buffer | null {
    try {
      return fs.readFileSync(this.pathOf(blobId, fileName));
    } catch {
      return null;
    }
  }

  exists(blobId: number, fileName: string): boolean {
    return fs.existsSync(this.pathOf(blobId, fileName));
  }

  remove(blobId: number): void {
    fs.rmSync(path.join(this.root, String(blobId)), { recursive: true, force: true });
  }

  clear(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** Finds the blob id and name in a `file_url` this emulator produced. */
export function parseFileUrl(url: unknown): { blobId: number; fileName: string } | null {
  if (typeof url !== 'string' || !url.startsWith(FILES_PATH_PREFIX)) return null;
  const match = /^(\d+)\/([^/]+)$/.exec(url.slice(FILES_PATH_PREFIX.length));
  if (!match?.[1] || !match[2]) return null;
  try {
    return { blobId: Number(match[1]), fileName: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}
