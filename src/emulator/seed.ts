import type { StoredAgent } from '../agent/apply-agent-patch';
import { fileUrl, mimeTypeOf } from './blobs';
import { deriveReadOnlyFields } from './derived-fields';
import { recordVersion } from './history';
import { SEED_AGENT_SPECS } from './seed-agents';
import { largeAgentSpec } from './seed-large';
import type { SeedAgentSpec } from './seed-types';
import { servedViaUrl } from './served-via';
import { recountSubscribers } from './shared-tools';
import type { EmulatorState, Project } from './state';

/** The deterministic starting state: same ids, names and timestamps on every reset. */

const EPOCH_MS = Date.parse('2025-01-06T09:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

const organization = { id: 1, name: 'Demo Organization' };

function project(id: number, name: string, extra: Record<string, unknown> = {}): Project {
  return {
    id,
    name,
    organization,
    members: [],
    webhook_url: '',
    webhook_secret_configured: false,
    outbound_timeout: 300,
    max_call_duration: 600,
    min_call_duration: 30,
    sample_rate: 1,
    ...extra,
  };
}

export const SEED_PROJECTS: readonly Project[] = [
  project(1, 'Customer Support', { webhook_url: 'https://hooks.demo.example/cekura/support' }),
  project(2, 'Operations & Bookings'),
  project(3, 'Load Testing', { sample_rate: 0.1 }),
];

export interface SeedFileBytes {
  blobId: number;
  fileName: string;
  content: string;
}

function buildAgent(spec: SeedAgentSpec, state: EmulatorState, sharedIds: Map<string, number>, files: SeedFileBytes[]): StoredAgent {
  const next = (kind: keyof EmulatorState['counters']) => (state.counters[kind] += 1);
  const id = next('agent');
  const createdMs = EPOCH_MS + spec.createdDay * DAY_MS;
  const created = iso(createdMs);
  const updated = iso(createdMs + 2 * 60 * 60 * 1000);
  state.lastNowMs = Math.max(state.lastNowMs, createdMs + 2 * 60 * 60 * 1000);

  const mockTools = spec.tools.map((tool) => {
    const known = tool.shared === undefined ? undefined : sharedIds.get(tool.shared);
    const toolId = known ?? next('tool');
    if (tool.shared !== undefined) sharedIds.set(tool.shared, toolId);
    const servedVia = tool.mcp ? { type: 'mcp' as const, mock_index: tool.mcp.mock_index } : { type: 'direct' as const };
    return {
      id: toolId,
      name: tool.name,
      description: tool.description,
      mock_data: structuredClone(tool.mock_data),
      freetext_params: tool.freetext_params ?? [],
      served_via: { ...servedVia, url: servedViaUrl(id, toolId, servedVia) },
      mcp_server: tool.mcp ? { ...tool.mcp.server } : null,
      subscriber_count: 1,
      is_shared: false,
    };
  });

  const variables = spec.variables
    .map(([name, description]) => ({ id: next('variable'), name, description }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const kbFiles = spec.files.map((file) => {
    const fileId = next('file');
    files.push({ blobId: fileId, fileName: file.file_name, content: file.content });
    return {
      id: fileId,
      agent: id,
      file_url: fileUrl(fileId, file.file_name),
      file_name: file.file_name,
      file_type: mimeTypeOf(file.file_name),
      file_size: Buffer.byteLength(file.content),
      created_at: created,
      updated_at: created,
    };
  });

  const agent: StoredAgent = {
    id,
    name: spec.name,
    description: spec.description,
    project: spec.project,
    language: spec.language,
    agent_speaks_first: spec.agent_speaks_first,
    telephony: structuredClone(spec.telephony),
    provider: structuredClone(spec.provider),
    webhook_url: spec.webhook_url ?? '',
    webhook_secret_configured: spec.webhook_secret !== undefined,
    email_id: spec.email_id ?? null,
    mock_tools_enabled: spec.mock_tools_enabled,
    mock_tools_provider: spec.mock_tools_provider,
    enabled_personalities: [...spec.enabled_personalities],
    knowledge_base_files: kbFiles,
    mock_tools: mockTools,
    dynamic_variables: variables,
    created_at: created,
    updated_at: updated,
  };
  if (spec.webhook_secret !== undefined) agent.webhook_secret = spec.webhook_secret;
  if (spec.predefined_metrics !== undefined) agent.predefined_metrics = structuredClone(spec.predefined_metrics);
  deriveReadOnlyFields(agent);
  return agent;
}

/** Builds the seed state and the file contents to write beside it. */
export function buildSeed(): { state: EmulatorState; files: SeedFileBytes[] } {
  const state: EmulatorState = {
    version: 1,
    counters: { agent: 100, tool: 1000, variable: 5000, file: 300, history: 0, blob: 0 },
    lastNowMs: 0,
    projects: structuredClone([...SEED_PROJECTS]),
    agents: [],
    history: [],
  };
  const sharedIds = new Map<string, number>();
  const files: SeedFileBytes[] = [];
  for (const spec of [...SEED_AGENT_SPECS, largeAgentSpec()]) state.agents.push(buildAgent(spec, state, sharedIds, files));
  // Seeded files use their file id as blob id; uploads continue after them.
  state.counters.blob = state.counters.file;
  recountSubscribers(state.agents);
  for (const agent of state.agents) {
    recordVersion(state, agent, { historyId: (state.counters.history += 1), date: String(agent.created_at), type: '+', reason: 'Created' });
  }
  return { state, files };
}
