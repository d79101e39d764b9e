import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeAgentPatchBody, fileTokensIn } from '../agent-patch-body';

const isToken = (value: string) => value.startsWith('token:');

async function bodyJson(blob: Blob): Promise<unknown> {
  return JSON.parse(await blob.text()) as unknown;
}

describe('fileTokensIn', () => {
  it('lists the tokens of new files in order, not kept files or plain base64', () => {
    expect(
      fileTokensIn(
        {
          name: 'A',
          knowledge_base_files: [
            { file_name: 'b.md', content_base64: 'token:2' },
            { id: 4 },
            { file_name: 'c.md', content_base64: 'aGk=' },
            { file_name: 'a.md', content_base64: 'token:1' },
          ],
        },
        isToken,
      ),
    ).toEqual(['token:2', 'token:1']);
    expect(fileTokensIn({ name: 'A' }, isToken)).toEqual([]);
  });
});

describe('encodeAgentPatchBody', () => {
  it('splices each token’s base64 Blob into the JSON, whatever else the body holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.base64String({ minLength: 4, maxLength: 400 }),
        fc.base64String({ minLength: 4, maxLength: 40 }),
        async (name, base64, plain) => {
          const blobs = new Map([['token:1', new Blob([base64], { type: 'text/plain' })]]);
          const patch = {
            name,
            knowledge_base_files: [{ id: 4 }, { file_name: 'a "b".md', content_base64: 'token:1' }, { file_name: 'c.md', content_base64: plain }],
          };
          const body = encodeAgentPatchBody(patch, isToken, blobs);
          expect(body.type).toBe('application/json');
          expect(await bodyJson(body)).toEqual({
            name,
            knowledge_base_files: [{ id: 4 }, { file_name: 'a "b".md', content_base64: base64 }, { file_name: 'c.md', content_base64: plain }],
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('encodes bodies without files, with only files, and with an empty set', async () => {
    const blobs = new Map([['token:1', new Blob(['aGVsbG8='])]]);
    expect(await bodyJson(encodeAgentPatchBody({ name: 'A' }, isToken, blobs))).toEqual({ name: 'A' });
    expect(await bodyJson(encodeAgentPatchBody({}, isToken, blobs))).toEqual({});
    expect(await bodyJson(encodeAgentPatchBody({ knowledge_base_files: [] }, isToken, blobs))).toEqual({ knowledge_base_files: [] });
    expect(
      await bodyJson(encodeAgentPatchBody({ knowledge_base_files: [{ file_name: 'a.md', content_base64: 'token:1' }] }, isToken, blobs)),
    ).toEqual({ knowledge_base_files: [{ file_name: 'a.md', content_base64: 'aGVsbG8=' }] });
  });

  it('refuses a token it has no Blob for, naming the file', () => {
    expect(() =>
      encodeAgentPatchBody({ knowledge_base_files: [{ file_name: 'a.txt', content_base64: 'token:9' }] }, isToken, new Map()),
    ).toThrow('a.txt is not read yet');
  });
});
