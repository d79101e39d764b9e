import type { StoredAgent } from '../agent/apply-agent-patch';
import type { EmulatorState, HistoryRecord, HistoryUser, VersionSnapshot } from './state';

/** Every change is made by the one demo user the API key belongs to. */
export const DEMO_USER: HistoryUser = {
  id: 1,
  email: 'demo@cekura.ai',
  name: 'Demo User',
  first_name: 'Demo',
  last_name: 'User',
};

/**
 * (assumed, from the OpenAPI description of restore) What a version records and a restore
 * brings back: the versioned fields and the three collections. Telephony, provider, webhook and
 * secrets are not versioned.
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
  entry: { historyId: number; date: string; type: HistoryRecord['history_type']; reason: string | null },
): HistoryRecord {
  const number = state.history.filter((h) => h.agent_id === agent.id).length + 1;
  const record: HistoryRecord = {
    history_id: entry.historyId,
    agent_id: agent.id,
    history_date: entry.date,
    history_type: entry.type,
    history_change_reason: entry.reason,
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

/** An `AIAgentHistory` item: the record plus its resolved snapshot. */
export function historyRecordToResponse(record: HistoryRecord): Record<string, unknown> {
  const { snapshot } = record;
  return {
    history_id: record.history_id,
    history_date: record.history_date,
    history_type: record.history_type,
    history_change_reason: record.history_change_reason,
    history_user: DEMO_USER,
    version_id: `v${record.history_id}`,
    version_name: record.version_name,
    id: record.agent_id,
    agent_name: snapshot.name ?? '',
    language: snapshot.language,
    description: snapshot.description ?? '',
    mock_tools: snapshot.mock_tools ?? [],
    dynamic_variables: snapshot.dynamic_variables ?? [],
    knowledge_base_files: snapshot.knowledge_base_files ?? [],
  };
}
