import type { AgentWrite } from '../../../../agent/write-types';
import { encodeAgentPatchBody } from '../../../../api/agent-patch-body';
import { isPendingFileToken, pendingFiles } from '../pending-files';

/** The body a save would send now: each pending file's base64 read so far spliced in. */
export function encodePatchBody(patch: AgentWrite): Blob {
  const blobs = new Map<string, Blob>();
  for (const [token, file] of pendingFiles.get()) if (file.base64) blobs.set(token, file.base64);
  return encodeAgentPatchBody(patch, isPendingFileToken, blobs);
}
