import type { AgentWrite } from '../agent/write-types';

/** Tells a `content_base64` that stands for a file still on the page (a token) from base64 itself. */
export type IsFileToken = (value: string) => boolean;

/**
 * The file tokens a PATCH body carries in `content_base64`, in order.
 *
 * @example fileTokensIn({ knowledge_base_files: [{ id: 4 }, { file_name: 'a.md', content_base64: 'kb-pending:1' }] }, isToken) // → ['kb-pending:1']
 */
export function fileTokensIn(patch: AgentWrite, isToken: IsFileToken): string[] {
  return (patch.knowledge_base_files ?? []).flatMap((file) =>
    'content_base64' in file && isToken(file.content_base64) ? [file.content_base64] : [],
  );
}

/**
 * The PATCH body as a JSON Blob, each file token replaced by the base64 Blob `files` holds for
 * it (a Blob part: no 67 MB string is built on the page). Throws when a token has no Blob.
 *
 * @example await new Response(encodeAgentPatchBody({ name: 'A' }, isToken, new Map())).json() // → { name: 'A' }
 */
export function encodeAgentPatchBody(patch: AgentWrite, isToken: IsFileToken, files: ReadonlyMap<string, Blob>): Blob {
  const { knowledge_base_files: items, ...rest } = patch;
  if (items === undefined) return new Blob([JSON.stringify(rest)], { type: 'application/json' });
  const head = JSON.stringify(rest);
  const parts: BlobPart[] = [head.slice(0, -1), head === '{}' ? '' : ',', '"knowledge_base_files":['];
  items.forEach((item, index) => {
    if (index > 0) parts.push(',');
    if (!('content_base64' in item) || !isToken(item.content_base64)) {
      parts.push(JSON.stringify(item));
      return;
    }
    const { content_base64: token, ...meta } = item;
    const base64 = files.get(token);
    if (!base64) throw new Error(`${meta.file_name} is not read yet`);
    const metaJson = JSON.stringify(meta);
    parts.push(metaJson.slice(0, -1), metaJson === '{}' ? '' : ',', '"content_base64":"', base64, '"}');
  });
  parts.push(']}');
  return new Blob(parts, { type: 'application/json' });
}
