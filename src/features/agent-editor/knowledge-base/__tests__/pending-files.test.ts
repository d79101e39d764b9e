import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentWrite } from '../../../../agent/write-types';
import { fileTokensIn } from '../../../../api/agent-patch-body';
import { addPendingFile, getPendingFileState, isPendingFileToken, releasePendingFilesExcept, removePendingFile } from '../pending-files';
import { waitForPendingFiles } from '../wait-for-pending-files';
import { encodePatchBody } from './encode-pending-patch';

const pendingTokensIn = (patch: AgentWrite) => fileTokensIn(patch, isPendingFileToken);

afterEach(() => {
  releasePendingFilesExcept([]);
});

async function bodyJson(blob: Blob): Promise<unknown> {
  return JSON.parse(await blob.text()) as unknown;
}

describe('pending files', () => {
  it('reads a file into base64 held outside the form and splices it into the PATCH body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 3000 }), async (bytes) => {
        const token = addPendingFile(new File([bytes], 'notes.txt'));
        expect(isPendingFileToken(token)).toBe(true);
        const patch = {
          name: 'Support "bot"',
          knowledge_base_files: [{ id: 4 }, { file_name: 'notes.txt', content_base64: token }, { id: 9 }],
        };
        expect(pendingTokensIn(patch)).toEqual([token]);
        await waitForPendingFiles([token]);
        expect(getPendingFileState(token)).toEqual({ status: 'ready', loaded: bytes.length, total: bytes.length });
        const body = encodePatchBody(patch);
        expect(body.type).toBe('application/json');
        expect(await bodyJson(body)).toEqual({
          name: 'Support "bot"',
          knowledge_base_files: [{ id: 4 }, { file_name: 'notes.txt', content_base64: Buffer.from(bytes).toString('base64') }, { id: 9 }],
        });
        removePendingFile(token);
      }),
      { numRuns: 25 },
    );
  });

  it('encodes bodies without files, with only files, and with an empty set', async () => {
    expect(await bodyJson(encodePatchBody({ name: 'A' }))).toEqual({ name: 'A' });
    expect(await bodyJson(encodePatchBody({ knowledge_base_files: [] }))).toEqual({ knowledge_base_files: [] });
    const token = addPendingFile(new File(['hello'], 'a.md'));
    await waitForPendingFiles([token]);
    expect(await bodyJson(encodePatchBody({ knowledge_base_files: [{ file_name: 'a.md', content_base64: token }] }))).toEqual({
      knowledge_base_files: [{ file_name: 'a.md', content_base64: 'aGVsbG8=' }],
    });
  });

  it('leaves ordinary base64 content alone', async () => {
    const patch = { knowledge_base_files: [{ file_name: 'a.md', content_base64: 'aGk=' }] };
    expect(pendingTokensIn(patch)).toEqual([]);
    expect(await bodyJson(encodePatchBody(patch))).toEqual(patch);
  });

  it('refuses to wait for or encode a file that is gone', async () => {
    const token = addPendingFile(new File(['x'], 'a.txt'));
    releasePendingFilesExcept([]);
    expect(getPendingFileState(token)).toBeUndefined();
    await expect(waitForPendingFiles([token])).rejects.toThrow(/no longer available/);
    expect(() => encodePatchBody({ knowledge_base_files: [{ file_name: 'a.txt', content_base64: token }] })).toThrow(/not read yet/);
  });

  it('keeps the files it is told to keep', async () => {
    const a = addPendingFile(new File(['a'], 'a.txt'));
    const b = addPendingFile(new File(['b'], 'b.txt'));
    releasePendingFilesExcept([b]);
    expect(getPendingFileState(a)).toBeUndefined();
    await waitForPendingFiles([b]);
    expect(getPendingFileState(b)?.status).toBe('ready');
  });

  it('stops waiting when the upload is cancelled', async () => {
    const controller = new AbortController();
    const token = addPendingFile(new File([new Uint8Array(9)], 'a.txt'));
    controller.abort(new DOMException('The upload was cancelled', 'AbortError'));
    const error: unknown = await waitForPendingFiles([token], controller.signal).catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
  });
});
