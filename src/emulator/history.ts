import type { StoredAgent } from '../agent/apply-agent-patch';
import type { EmulatorState, HistoryRecord, HistoryUser, VersionSnapshot } from './state';

/** The user the demo API key belongs to: every change made through the API is theirs. */
export const DEMO_USER: HistoryUser = {
  id: 1,
  email: 'demo@cekura.ai',
  name: 'Demo User',
  first_name: 'Demo',
  last_name: 'User',
};

/** The other writer of the `patch-as` test hook, unless the test names one. */
export const COLLEAGUE_USER: HistoryUser = {
  id: 2,
  email: 'carl@cekura.ai',
  name: 'Carl Colleague',
  first_name: 'Carl',
  last_name: 'Colleague',
};

/** A history user from a test's `{id?, name?, email?}`, filled in from the colleague. */
export function historyUserFrom(input: { id?: number; name?: string; email?: string }): HistoryUser {
  const name = input.name ?? COLLEAGUE_USER.name;
  const [first = '', ...last] = name.split(' ');
  return { id: input.id ?? COLLEAGUE_USER.id, email: input.email ?? COLLEAGUE_USER.email, name, first_name: first, last_name: last.join(' ') };
}

/**
 * What a version records and a restore brings back (the contract's "History and restore"): name,
 * language, description and the three collections. Telephony, provider, webhook,
 * `agent_speaks_first` and secrets are not versioned.
 */
export const VERSIONED_FIELDS = ['name', 'language', 'description', 'mock_tools', 'dynamic_variables', 'knowledge_base_files'] as const;

function snapshotOf(agent: StoredAgent): VersionSnapshot {
  const snapshot: VersionSnapshot = {};
  for (const key of VERSIONED_FIELDS) if (key in agent) snapshot[key] = structuredClone(agent[key]);
  return snapshot;
}

/** Appends a version of `agent` (as it is now) to the history. */
export function recordVersion(
  state: EmulatorState,
  agent: StoredAgent,
  entry: { historyId: number; date: string; type: HistoryRecord['history_type']; reason: string | null; user?: HistoryUser | null },
): HistoryRecord {
  const number = state.history.filter((h) => h.agent_id === agent.id).length + 1;
  const record: HistoryRecord = {
    history_id: entry.historyId,
    agent_id: agent.id,
    history_date: entry.date,
    history_type: entry.type,
    history_change_reason: entry.reason,
    history_user: entry.user === undefined ? DEMO_USER : entry.user,
    version_name: `Version ${number}`,
    snapshot: snapshotOf(agent),
  };
  state.history.push(record);
  return record;
}

/** The versions of one agent, newest first. */
export function historyOf(state: EmulatorState, agentId: number): HistoryRecord[] {
  return state.history.filter((h) => h.agent_id === agentId).sort((a, b) => b.history_id - a.history_id);
}

/** An `AIAgentHistory` item: who and when, plus the snapshot of the versioned fields only. */
export function historyRecordToResponse(record: HistoryRecord): Record<string, unknown> {
  const { snapshot } = record;
  return {
    history_id: record.history_id,
    history_date: record.history_date,
    history_type: record.history_type,
    history_change_reason: record.history_change_reason,
    history_user: record.history_user === undefined ? DEMO_USER : record.history_user,
    version_id: `v${record.history_id}`,
    version_name: record.version_name,
    id: record.agent_id,
    agent_name: snapshot.name ?? '',
    language: snapshot.language ?? null,
    description: snapshot.description ?? '',
    mock_tools: snapshot.mock_tools ?? [],
    dynamic_variables: snapshot.dynamic_variables ?? [],
    knowledge_base_files: snapshot.knowledge_base_files ?? [],
  };
}
