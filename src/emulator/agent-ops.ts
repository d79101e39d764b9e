import { applyAgentPatch, PatchRejected } from '../agent/apply-agent-patch';
import type { ApplyContext, StoredAgent } from '../agent/apply-agent-patch';
import { isPlainObject } from '../agent/deep-equal';
import { zodIssuesToDrf } from '../agent/drf-errors';
import { AGENT_PATCH_STRATEGY, READ_ONLY_AGENT_KEYS } from '../agent/patch-strategy';
import { agentWriteSchema } from '../agent/write-schema';
import { deriveReadOnlyFields } from './derived-fields';
import { decodeBase64Content, fileUrl, mimeTypeOf, parseFileUrl } from './blobs';
import { DEMO_USER, recordVersion, VERSIONED_FIELDS } from './history';
import { HttpError } from './http';
import { servedViaUrl } from './served-via';
import { propagateSharedTools, recountSubscribers } from './shared-tools';
import type { HistoryRecord, HistoryUser } from './state';
import type { EmulatorStore } from './store';

/** The emulator's writes (PATCH, restore, version rename): validate, apply, persist, record a version. */

function commit(store: EmulatorStore, agent: StoredAgent, reason: string, user: HistoryUser | null): StoredAgent {
  store.putAgent(agent);
  propagateSharedTools(store.state.agents, agent);
  recountSubscribers(store.state.agents);
  recordVersion(store.state, agent, { historyId: store.nextId('history'), date: String(agent.updated_at), type: '~', reason, user });
  store.save();
  return agent;
}

function changeReason(body: Record<string, unknown>): string {
  const keys = Object.keys(body).filter(
    (k) => k in AGENT_PATCH_STRATEGY.fields && !(READ_ONLY_AGENT_KEYS as readonly string[]).includes(k),
  );
  return keys.length > 0 ? `Changed ${keys.join(', ')}` : 'Saved without changes';
}

function checkProject(store: EmulatorStore, project: unknown): void {
  if (typeof project === 'number' && !store.state.projects.some((p) => p.id === project)) {
    throw new HttpError(400, { project: [`Invalid pk "${project}" - object does not exist.`] });
  }
}

/**
 * PATCH /aiagents/{id}/: the contract's partial update, recorded as made by `user` (the demo
 * key's user; the `patch-as` test hook names another). Throws `HttpError` 400 with a DRF body.
 */
export function updateAgent(store: EmulatorStore, agent: StoredAgent, body: Record<string, unknown>, user: HistoryUser | null = DEMO_USER): StoredAgent {
  const parsed = agentWriteSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, zodIssuesToDrf(parsed.error.issues));
  const data: Record<string, unknown> = parsed.data;
  checkProject(store, data.project);
  const createdBlobs: number[] = [];
  const ctx: ApplyContext = {
    nextId: (kind) => store.nextId(kind),
    now: () => store.now(),
    createFile: (_agentId, fileName, contentBase64) => {
      const bytes = decodeBase64Content(contentBase64);
      const blobId = store.nextId('blob');
      store.blobs.write(blobId, fileName, bytes);
      createdBlobs.push(blobId);
      return { file_url: fileUrl(blobId, fileName), file_type: mimeTypeOf(fileName), file_size: bytes.length };
    },
    servedViaUrl: (toolId, servedVia) => servedViaUrl(agent.id, toolId, servedVia),
  };
  let next: StoredAgent;
  try {
    next = applyAgentPatch(agent, data, ctx);
  } catch (e) {
    for (const blobId of createdBlobs) store.blobs.remove(blobId);
    if (e instanceof PatchRejected) throw new HttpError(400, e.body);
    throw e;
  }
  deriveReadOnlyFields(next);
  return commit(store, next, changeReason(data), user);
}

function historyIdOf(body: Record<string, unknown>): number {
  const raw = body.history_id;
  if (raw === undefined || raw === null || raw === '') throw new HttpError(400, { history_id: ['This field is required.'] });
  const id = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof id !== 'number' || !Number.isInteger(id)) throw new HttpError(400, { history_id: ['A valid integer is required.'] });
  return id;
}

function versionOf(store: EmulatorStore, agent: StoredAgent, body: Record<string, unknown>): HistoryRecord {
  const historyId = historyIdOf(body);
  const record = store.state.history.find((h) => h.history_id === historyId && h.agent_id === agent.id);
  if (!record) {
    throw new HttpError(400, { history_id: [`Invalid history_id "${historyId}" - version not found for this agent.`] });
  }
  return record;
}

/**
 * POST /aiagents/{id}/restore/: puts back the version's name, language and description; its
 * tools and variables as they were (same ids; the others deleted); its files (the others
 * deleted). Nothing else changes. Recorded as a new version.
 */
export function restoreAgent(store: EmulatorStore, agent: StoredAgent, body: Record<string, unknown>): StoredAgent {
  const record = versionOf(store, agent, body);
  const next: StoredAgent = { ...agent };
  for (const key of VERSIONED_FIELDS) if (key in record.snapshot) next[key] = structuredClone(record.snapshot[key]);
  // Files come back only while their content is still stored.
  if (Array.isArray(next.knowledge_base_files)) {
    next.knowledge_base_files = next.knowledge_base_files.filter((file) => {
      const location = isPlainObject(file) ? parseFileUrl(file.file_url) : null;
      return location !== null && store.blobs.exists(location.blobId, location.fileName);
    });
  }
  next.updated_at = store.now();
  return commit(store, next, `Restored ${record.version_name}`, DEMO_USER);
}

/** PATCH /aiagents/{id}/history/edit/: renames a version; answers the renamed version. */
export function renameVersion(store: EmulatorStore, agent: StoredAgent, body: Record<string, unknown>): HistoryRecord {
  const record = versionOf(store, agent, body);
  const name = body.version_name;
  if (name === undefined || name === null) throw new HttpError(400, { version_name: ['This field is required.'] });
  if (typeof name !== 'string') throw new HttpError(400, { version_name: ['Not a valid string.'] });
  if (name.trim() === '') throw new HttpError(400, { version_name: ['This field may not be blank.'] });
  if (name.length > 255) throw new HttpError(400, { version_name: ['Ensure this field has no more than 255 characters.'] });
  record.version_name = name.trim();
  store.save();
  return record;
}
