import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiAgentSchema } from '../agent/api-schema';
import type { ApiAgent } from '../agent/api-schema';
import type { AgentWrite } from '../agent/write-types';
import { agentPath, agentQueries } from './agent-queries';
import { encodeAgentPatchBody, fileTokensIn } from './agent-patch-body';
import type { IsFileToken } from './agent-patch-body';
import { apiFetch } from './client';
import { sendWithXhr } from './xhr-transport';
import type { UploadProgress } from './xhr-transport';

/** One upload's controls: aborting `signal` cancels it; `onUploadProgress` sees the bytes go out. */
export interface UploadChannel {
  signal: AbortSignal;
  onUploadProgress: (progress: UploadProgress) => void;
}

/**
 * What a save that carries new files needs from the page holding them. The form holds a token
 * in each new file's `content_base64`; the files themselves stay on the page until sent.
 */
export interface AgentFileUploads {
  isToken: IsFileToken;
  /** Each token's base64 text as a Blob, once every file is read; rejects naming a file that cannot be, or when `signal` aborts. */
  resolveFiles: (tokens: readonly string[], signal: AbortSignal) => Promise<ReadonlyMap<string, Blob>>;
  /** Runs the upload of a save carrying `tokens`: hands it the channel (progress, Cancel) and sees how it ends. */
  runUpload: <T>(tokens: readonly string[], upload: (channel: UploadChannel) => Promise<T>) => Promise<T>;
}

/**
 * One PATCH: a body without new files goes out with `fetch`; one with new files waits for them
 * to be read, then goes out over XHR (upload progress, abort) as a JSON Blob with each file's
 * base64 spliced in.
 */
async function patchAgent(id: number, patch: AgentWrite, files: AgentFileUploads | undefined): Promise<ApiAgent> {
  const tokens = files ? fileTokensIn(patch, files.isToken) : [];
  if (!files || tokens.length === 0) return apiFetch(agentPath(id), { method: 'PATCH', body: patch, schema: apiAgentSchema });
  return files.runUpload(tokens, async ({ signal, onUploadProgress }) => {
    const blobs = await files.resolveFiles(tokens, signal);
    return apiFetch(agentPath(id), {
      method: 'PATCH',
      body: encodeAgentPatchBody(patch, files.isToken, blobs),
      schema: apiAgentSchema,
      signal,
      transport: sendWithXhr(onUploadProgress),
    });
  });
}

/**
 * Saves an agent with one PATCH of the body given (from `buildAgentPatch`); `files` resolves the
 * new knowledge-base files it carries. The answer is the whole updated agent: it becomes the
 * cached detail as is (no refetch) and the lists and the history go stale.
 *
 * @example const mutation = useUpdateAgent(agent.id, pendingFileUploads); mutation.mutate(patch)
 */
export function useUpdateAgent(id: number, files?: AgentFileUploads) {
  const queryClient = useQueryClient();
  return useMutation<ApiAgent, Error, AgentWrite>({
    mutationFn: (patch) => patchAgent(id, patch, files),
    onSuccess: (agent) => {
      queryClient.setQueryData(agentQueries.detail(id).queryKey, agent);
      void queryClient.invalidateQueries({ queryKey: agentQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: agentQueries.histories(id) });
    },
  });
}
