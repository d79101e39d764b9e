import type { AgentWrite } from '../../../agent/write-types';
import { apiFetch } from '../../../api/client';
import { xhrJson } from '../../../api/xhr-request';
import { encodePatchBody, pendingTokensIn, removePendingFile, waitForPendingFiles } from './pending-files';
import { uploadProgressStore } from './upload-progress-store';
import type { ResponseParser } from '../../../api/response-parser';

/**
 * Sends an agent PATCH. A body without new knowledge-base files goes through `apiFetch`; one
 * with new files waits for them to be read, goes out as a JSON Blob with each file's base64
 * spliced in (`encodePatchBody`) over XHR, and reports upload progress to
 * `uploadProgressStore`, whose Cancel aborts it. On failure or cancel the files stay pending
 * (the form still holds their tokens), so saving again sends them again, once. On success their
 * base64 is freed: the caller resets the form from the answer, where they have ids.
 *
 * @example mutationFn: (patch) => sendAgentPatch(agentPath(id), patch, apiAgentSchema)
 */
export async function sendAgentPatch<T>(path: string, patch: AgentWrite, schema: ResponseParser<T>): Promise<T> {
  const tokens = pendingTokensIn(patch);
  if (tokens.length === 0) return apiFetch(path, { method: 'PATCH', body: patch, schema });
  const transfer = uploadProgressStore.begin(tokens.length);
  try {
    await waitForPendingFiles(tokens, transfer.signal);
    const result = await xhrJson({
      method: 'PATCH',
      path,
      body: encodePatchBody(patch),
      schema,
      signal: transfer.signal,
      onUploadProgress: transfer.onUploadProgress,
    });
    transfer.succeed();
    // Saved: the server has the files (the form resets to its answer), so their base64 can go
    // even when the Knowledge base tab is not mounted to notice.
    tokens.forEach(removePendingFile);
    return result;
  } catch (error) {
    transfer.fail(error);
    throw error;
  }
}
