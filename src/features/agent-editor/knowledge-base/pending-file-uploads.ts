import type { AgentFileUploads, UploadChannel } from '../../../api/use-update-agent';
import { getPendingFileState, isPendingFileToken, removePendingFile } from './pending-files';
import { uploadProgressStore } from './upload-progress-store';
import { readPendingFiles } from './wait-for-pending-files';

/**
 * The editor's new knowledge-base files, for the save (`useUpdateAgent(id, pendingFileUploads)`).
 * A save carrying them reports its upload to `uploadProgressStore`, whose Cancel aborts it. On
 * failure or cancel the files stay pending (the form still holds their tokens), so saving again
 * sends them again, once. On success their base64 is freed: the caller resets the form from the
 * answer, where they have ids.
 */
export const pendingFileUploads: AgentFileUploads = {
  isToken: isPendingFileToken,
  resolveFiles: readPendingFiles,
  runUpload: async <T>(tokens: readonly string[], upload: (channel: UploadChannel) => Promise<T>): Promise<T> => {
    // The files' own size (what the user dropped), for progress in their bytes, not the base64's.
    const bytes = tokens.reduce((sum, token) => sum + (getPendingFileState(token)?.total ?? 0), 0);
    const transfer = uploadProgressStore.begin(tokens.length, bytes);
    try {
      const result = await upload(transfer);
      transfer.succeed();
      // Saved: the server has the files (the form resets to its answer), so their base64 can go
      // even when the Knowledge base tab is not mounted to notice.
      tokens.forEach(removePendingFile);
      return result;
    } catch (error) {
      transfer.fail(error);
      throw error;
    }
  },
};
