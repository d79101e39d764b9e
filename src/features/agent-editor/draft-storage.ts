import { CONFIG_FIELD_KINDS } from '../../agent/constants';
import type { AgentFormValues } from '../../agent/form-schema';

/**
 * Unsaved edits kept in the tab's sessionStorage so a reload loses nothing. Never stored: the
 * write-only secrets (API key, webhook secret, trigger secrets, predefined metrics stay in) and
 * the content of files waiting to upload (too large; they are listed as not restored).
 */
export interface AgentDraft {
  agentId: number;
  /** The `updated_at` of the agent the edits were made on. */
  baseUpdatedAt: string | null;
  values: AgentFormValues;
  /** Names of new files whose content could not be kept. */
  droppedFiles: string[];
}

const keyOf = (agentId: number) => `cekura-agent-draft:${agentId}`;

export function stripForDraft(values: AgentFormValues): { values: AgentFormValues; droppedFiles: string[] } {
  const copy = structuredClone(values);
  copy.webhook_secret = '';
  copy.provider.api_key = '';
  for (const key of Object.keys(copy.provider.config)) {
    // Only the write-only ones: a value the server returned (LiveKit's `api_secret`) must come
    // back with the draft, or restoring it would clear that value on the server.
    if (CONFIG_FIELD_KINDS.get(key) === 'secret') copy.provider.config[key] = '';
  }
  const droppedFiles = copy.knowledge_base_files.filter((f) => f.id === undefined).map((f) => f.file_name);
  copy.knowledge_base_files = copy.knowledge_base_files.filter((f) => f.id !== undefined);
  return { values: copy, droppedFiles };
}

export function saveDraft(draft: AgentDraft): void {
  try {
    sessionStorage.setItem(keyOf(draft.agentId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the leave guard still asks before a reload.
  }
}

export function loadDraft(agentId: number): AgentDraft | null {
  try {
    const raw = sessionStorage.getItem(keyOf(agentId));
    if (raw === null) return null;
    const draft = JSON.parse(raw) as AgentDraft;
    return draft.agentId === agentId ? draft : null;
  } catch {
    return null;
  }
}

export function clearDraft(agentId: number): void {
  try {
    sessionStorage.removeItem(keyOf(agentId));
  } catch {
    // nothing to clear
  }
}
