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

/** How the caller can stop a save: the signal of the save about to start, and a sign of life of its upload. */
export interface UpdateAgentOptions {
  /** Called as each save starts; aborting the signal it gives stops that save (with or without files). */
  signal?: () => AbortSignal | undefined;
  /** The upload of a save with files is still sending bytes (a timeout should not cut a slow upload). */
  onUploadProgress?: (progress: UploadProgress) => void;
}

/** Aborted when either signal is. */
function eitherSignal(a: AbortSignal, b: AbortSignal | undefined): AbortSignal {
  return b === undefined ? a : AbortSignal.any([a, b]);
}

/**
 * One PATCH: a body without new files goes out with `fetch`; one with new files waits for them
 * to be read, then goes out over XHR (upload progress, abort) as a JSON Blob with each file's
 * base64 spliced in. Aborting `signal` stops either. The one send of a PATCH: `useUpdateAgent`
 * wraps it for the editor, the bulk edit calls it per agent (and updates the cache itself).
 *
 * @example await patchAgent(42, { webhook_url: 'https://hooks.example.com/new' })
 */
export async function patchAgent(id: number, patch: AgentWrite, files?: AgentFileUploads, options: UpdateAgentOptions = {}): Promise<ApiAgent> {
  const saveSignal = options.signal?.();
  const tokens = files ? fileTokensIn(patch, files.isToken) : [];
  if (!files || tokens.length === 0) return apiFetch(agentPath(id), { method: 'PATCH', body: patch, schema: apiAgentSchema, signal: saveSignal });
  return files.runUpload(tokens, async ({ signal: uploadSignal, onUploadProgress }) => {
    const signal = eitherSignal(uploadSignal, saveSignal);
    const blobs = await files.resolveFiles(tokens, signal);
    return apiFetch(agentPath(id), {
      method: 'PATCH',
      body: encodeAgentPatchBody(patch, files.isToken, blobs),
      schema: apiAgentSchema,
      signal,
      transport: sendWithXhr((progress) => {
        onUploadProgress(progress);
        options.onUploadProgress?.(progress);
      }),
    });
  });
}

/**
 * Saves an agent with one PATCH of the body given (from `buildAgentPatch`); `files` resolves the
 * new knowledge-base files it carries. The answer is the whole updated agent: it becomes the
 * cached detail as is (no refetch) and the lists and the history go stale. `options.signal`
 * lets the caller cancel a save or time it out (the promise rejects with the signal's reason).
 *
 * @example const mutation = useUpdateAgent(agent.id, pendingFileUploads, { signal: () => controller.signal }); mutation.mutate(patch)
 */
export function useUpdateAgent(id: number, files?: AgentFileUploads, options: UpdateAgentOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<ApiAgent, Error, AgentWrite>({
    mutationFn: (patch) => patchAgent(id, patch, files, options),
    onSuccess: (agent) => {
      queryClient.setQueryData(agentQueries.detail(id).queryKey, agent);
      void queryClient.invalidateQueries({ queryKey: agentQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: agentQueries.histories(id) });
    },
  });
}
