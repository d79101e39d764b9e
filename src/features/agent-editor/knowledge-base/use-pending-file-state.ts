import { useStore } from '../../../utils/create-store';
import { pendingFiles } from './pending-files';
import type { PendingFileState } from './pending-files';

/** The reading state of one pending file; re-renders as it progresses. */
export function usePendingFileState(token: string | undefined): PendingFileState | undefined {
  return useStore(pendingFiles, (files) => (token === undefined ? undefined : files.get(token)?.state));
}
