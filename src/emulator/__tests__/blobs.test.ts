// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_BASE_FILE_RULE } from '../../agent/rules';
import { decodeBase64Content, fileUrl, mimeTypeOf, parseFileUrl } from '../blobs';

const KB_MAX_BYTES = KNOWLEDGE_BASE_FILE_RULE.maxBytes;

describe('decodeBase64Content', () => {
  it('decodes padded, unpadded, wrapped and base64url content', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 255, 62, 63]);
    expect(decodeBase64Content(bytes.toString('base64')).equals(bytes)).toBe(true);
    expect(decodeBase64Content(bytes.toString('base64').replace(/=+$/, '')).equals(bytes)).toBe(true);
    expect(decodeBase64Content(bytes.toString('base64url')).equals(bytes)).toBe(true);
    expect(decodeBase64Content('aGVs\nbG8=').toString()).toBe('hello');
  });

  it('rejects empty and invalid content', () => {
    expect(() => decodeBase64Content('')).toThrow('The submitted file is empty.');
    expect(() => decodeBase64Content('   ')).toThrow('The submitted file is empty.');
    expect(() => decodeBase64Content('abc!')).toThrow('not valid base64');
    expect(() => decodeBase64Content('abcde')).toThrow('not valid base64');
    expect(() => decodeBase64Content('ab===')).toThrow('not valid base64');
  });

  it('rejects content over 50 MB before decoding it', () => {
    const overLimit = 'A'.repeat(Math.ceil(((KB_MAX_BYTES + 3) * 4) / 3));
    expect(() => decodeBase64Content(overLimit)).toThrow(/too large.*50 MB/);
    const atLimit = 'A'.repeat((KB_MAX_BYTES / 3) * 4 - ((KB_MAX_BYTES / 3) * 4) % 4);
    expect(decodeBase64Content(atLimit).length).toBeLessThanOrEqual(KB_MAX_BYTES);
  });
});

describe('file URLs', () => {
  it('round-trip names with spaces and unicode', () => {
    const url = fileUrl(42, 'Menü du jour #2.md');
    expect(url).toBe('/emulator-files/42/Men%C3%BC%20du%20jour%20%232.md');
    expect(parseFileUrl(url)).toEqual({ blobId: 42, fileName: 'Menü du jour #2.md' });
    expect(parseFileUrl('/emulator-files/x/a.txt')).toBeNull();
    expect(parseFileUrl('/elsewhere/1/a.txt')).toBeNull();
  });

  it('maps extensions to MIME types', () => {
    expect(['a.pdf', 'a.TXT', 'a.json', 'a.csv', 'a.xml', 'a.md', 'a.bin'].map(mimeTypeOf)).toEqual([
      'application/pdf',
      'text/plain',
      'application/json',
      'text/csv',
      'application/xml',
      'text/markdown',
      'application/octet-stream',
    ]);
  });
});
