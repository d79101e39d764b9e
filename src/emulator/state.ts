import type { StoredAgent } from '../agent/apply-agent-patch';

/** Everything the emulator persists in state.json (file bytes live beside it, under files/). */
export interface EmulatorState {
  version: 1;
  counters: Record<IdKind, number>;
  /** The last timestamp handed out, so `updated_at` strictly increases even across restarts. */
  lastNowMs: number;
  projects: Project[];
  /** Ordered by id. */
  agents: StoredAgent[];
  history: HistoryRecord[];
}

/** `blob` numbers the stored file contents (`/emulator-files/<blob>/<name>`). */
export type IdKind = 'agent' | 'file' | 'tool' | 'variable' | 'history' | 'blob';

export type Project = Record<string, unknown> & { id: number; name: string };

export interface HistoryUser {
  id: number;
  email: string;
  name: string;
  first_name: string;
  last_name: string;
}

/** The fields a version records and a restore brings back. */
export type VersionSnapshot = Record<string, unknown>;

export interface HistoryRecord {
  history_id: number;
  agent_id: number;
  history_date: string;
  history_type: '+' | '~' | '-';
  history_change_reason: string | null;
  /** Who made the change; null for a change without a user. Absent in records from before it was kept: the demo user. */
  history_user?: HistoryUser | null;
  version_name: string;
  snapshot: VersionSnapshot;
}

export function isEmulatorState(value: unknown): value is EmulatorState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<EmulatorState>;
  return v.version === 1 && Array.isArray(v.agents) && Array.isArray(v.projects) && Array.isArray(v.history) && typeof v.counters === 'object';
}
