import { parseApiAgent } from '../../agent/api-schema';
import type { ApiAgent } from '../../agent/api-schema';
import { isPlainObject } from '../../agent/deep-equal';
import { fieldAt, secretFields } from '../../agent/field-catalogue';
import type { FieldRow } from '../../agent/field-catalogue';
import type { AgentFormValues } from '../../agent/form-schema';
import { agentToFormValues } from '../../agent/mapping';

/**
 * Unsaved edits kept in the tab's sessionStorage so a reload loses nothing. Never stored: the
 * secrets of the field catalogue (API key, webhook secret, trigger secrets, SIP and WebSocket
 * passwords; predefined metrics stay in) and the content of files waiting to upload (too
 * large; they are listed as not restored).
 */
export interface AgentDraft {
  agentId: number;
  /** The `updated_at` of the agent the edits were made on. */
  baseUpdatedAt: string | null;
  values: AgentFormValues;
  /** Names of new files whose content could not be kept. */
  droppedFiles: string[];
  /**
   * The agent the edits were made on, so a draft restored onto a newer version is merged onto
   * it (never dropped). Stored without its secrets; restored with the loaded agent's.
   */
  base?: ApiAgent;
  /** Form paths of the write-only secrets `stripForDraft` emptied (typed, so lost on a reload). */
  writeOnlyTyped?: string[];
}

/** What sessionStorage holds: the draft without its secrets, and where they were left out. */
interface StoredDraft extends AgentDraft {
  /** Form paths of the secrets that had a value and were left out. */
  secretsLeftOut?: string[];
  /** Those of them the user typed (not as loaded): a reload loses them, and the user is told. */
  secretsTyped?: string[];
}

const keyOf = (agentId: number) => `cekura-agent-draft:${agentId}`;

// The secrets of the last draft written for each agent, kept in this page's memory only.
const secretsInMemory = new Map<number, Map<string, string>>();

// Secret fields the form holds (a wrapper the form flattens has no place of its own there).
const SECRETS: readonly FieldRow[] = secretFields();

// The agent each editor started from (by id), to tell a typed password from the one loaded.
const baselines = new Map<number, ApiAgent>();

/** The editor's baseline changed (loaded, saved): a draft's passwords are compared with it. */
export function noteDraftBaseline(agent: ApiAgent): void {
  baselines.set(agent.id, agent);
}

/** A secret the user gave: any write-only one; a password only when it differs from the one loaded. */
function isTyped(field: FieldRow, value: string, draft: AgentDraft): boolean {
  if (field.strategy.kind === 'writeOnly') return true;
  const baseline = baselines.get(draft.agentId);
  if (!baseline || (baseline.updated_at ?? null) !== draft.baseUpdatedAt) return true;
  return valueAt(agentToFormValues(baseline), field.formPath) !== value;
}

/**
 * The label a secret is asked for by: "API key", "Webhook secret", "Provider setting: Trigger
 * secret", "SIP auth password".
 */
export function secretLabel(formPath: string): string {
  const row = fieldAt(formPath);
  if (!row) return formPath;
  const parent = fieldAt(row.path.split('.').slice(0, -1).join('.'));
  if (parent?.strategy.kind === 'replace' && parent.label !== '') return `${parent.label} ${row.label.toLowerCase()}`;
  return row.title;
}

/**
 * The secrets the user had typed into the agent's draft that this page no longer holds (a
 * reload lost them; they are never stored): what to type again, by label.
 */
export function secretsToTypeAgain(agentId: number): string[] {
  let stored: StoredDraft;
  try {
    const raw = sessionStorage.getItem(keyOf(agentId));
    if (raw === null) return [];
    stored = JSON.parse(raw) as StoredDraft;
  } catch {
    return [];
  }
  const inMemory = secretsInMemory.get(agentId);
  return (stored.secretsTyped ?? []).filter((path) => inMemory?.get(path) === undefined).map(secretLabel);
}

function valueAt(values: unknown, formPath: string): unknown {
  return formPath.split('.').reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), values);
}

/** Sets the value at `formPath` when its key is there (a provider setting the form does not hold stays absent). */
function setAt(values: unknown, formPath: string, value: string): void {
  const keys = formPath.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), values);
  if (isPlainObject(parent) && last in parent) parent[last] = value;
}

/**
 * `values` with `value` at `formPath` when its key is there, as a new object: only the objects on
 * the way to it are copied, everything else is shared (a 100 KB description is not copied to
 * blank a secret; `values` is left as it was).
 */
function withValueAt<T>(values: T, formPath: string, value: string): T {
  const replace = (node: unknown, keys: readonly string[]): unknown => {
    const [key = '', ...rest] = keys;
    if (!isPlainObject(node) || !(key in node)) return node;
    const next = rest.length === 0 ? value : replace(node[key], rest);
    return next === node[key] ? node : { ...node, [key]: next };
  };
  return replace(values, formPath.split('.')) as T;
}

/**
 * The values a draft may hold: write-only secrets emptied (the form starts them empty, so
 * restoring `''` keeps what the server has) and files waiting to upload dropped. Secrets the
 * API returns (the SIP password) are left to `saveDraft`, which keeps them out of storage.
 * The result shares every part it does not change with `values`: read it, do not mutate it.
 */
export function stripForDraft(values: AgentFormValues): { values: AgentFormValues; droppedFiles: string[]; writeOnlyTyped: string[] } {
  // Copies only what it changes: the draft is written at every pause in typing, and a deep copy
  // of a long description (or of a large agent) each time was most of that write's cost.
  let copy = values;
  const writeOnlyTyped: string[] = [];
  for (const field of SECRETS) {
    // Only the write-only ones: a value the server returned (LiveKit's `api_secret` is not a
    // secret; a SIP password is) must come back with the draft, or restoring it would clear it.
    if (field.strategy.kind !== 'writeOnly') continue;
    const value = valueAt(copy, field.formPath);
    if (typeof value === 'string' && value !== '') writeOnlyTyped.push(field.formPath);
    if (value !== '') copy = withValueAt(copy, field.formPath, '');
  }
  const droppedFiles = copy.knowledge_base_files.filter((f) => f.id === undefined).map((f) => f.file_name);
  if (droppedFiles.length > 0) copy = { ...copy, knowledge_base_files: copy.knowledge_base_files.filter((f) => f.id !== undefined) };
  return { values: copy, droppedFiles, writeOnlyTyped };
}

/** Where a secret sits in the agent as the API answers it (`telephony.sip_auth.password`). */
function agentSecretPaths(): string[][] {
  return SECRETS.map((field) => field.path.split('.'));
}

/** The object holding the value at `path` (the agent itself for a top-level key). */
function parentOf(agent: unknown, path: readonly string[]): unknown {
  return path.length <= 1 ? agent : valueAt(agent, path.slice(0, -1).join('.'));
}

/** The agent without any secret it may hold (a password the API returns, a secret a lenient parse kept). */
function withoutSecrets(agent: ApiAgent): ApiAgent {
  const copy = structuredClone(agent);
  for (const path of agentSecretPaths()) {
    const parent = parentOf(copy, path);
    const last = path[path.length - 1] ?? '';
    if (isPlainObject(parent) && last in parent) Reflect.deleteProperty(parent, last);
  }
  return copy;
}

// The JSON of each base as stored (without its secrets), by the agent object it was made from.
const serialisedBases = new WeakMap<ApiAgent, string>();

/** `base` without its secrets, as JSON: computed once per baseline object (the editor treats agents as immutable). */
function serialisedBase(base: ApiAgent): string {
  let json = serialisedBases.get(base);
  if (json === undefined) {
    json = JSON.stringify(withoutSecrets(base));
    serialisedBases.set(base, json);
  }
  return json;
}

/** The stored base with the loaded agent's secrets put back: a secret nobody typed is not an edit. */
function withSecretsOf(base: ApiAgent, loaded: ApiAgent | undefined): ApiAgent {
  if (loaded === undefined) return base;
  for (const path of agentSecretPaths()) {
    const parent = parentOf(base, path);
    const last = path[path.length - 1] ?? '';
    const value = valueAt(loaded, path.join('.'));
    if (isPlainObject(parent) && value !== undefined) parent[last] = structuredClone(value);
  }
  return base;
}

/** Writes the draft without any secret; the secrets it had stay in this page's memory. */
export function saveDraft(draft: AgentDraft): void {
  let values = draft.values;
  const leftOut = new Map<string, string>();
  const typed: string[] = [...(draft.writeOnlyTyped ?? [])];
  for (const field of SECRETS) {
    const value = valueAt(values, field.formPath);
    if (typeof value !== 'string' || value === '') continue;
    leftOut.set(field.formPath, value);
    if (isTyped(field, value, draft)) typed.push(field.formPath);
    values = withValueAt(values, field.formPath, '');
  }
  const { base, ...rest } = draft;
  const stored: Omit<StoredDraft, 'base'> = { ...rest, values, secretsLeftOut: [...leftOut.keys()], secretsTyped: typed };
  const json = JSON.stringify(stored);
  try {
    // The base (the agent as loaded) is the same at every pause: serialised once per baseline.
    sessionStorage.setItem(keyOf(draft.agentId), base === undefined ? json : `${json.slice(0, -1)},"base":${serialisedBase(base)}}`);
    secretsInMemory.set(draft.agentId, leftOut);
  } catch {
    // Storage full or disabled: the leave guard still asks before a reload.
    secretsInMemory.delete(draft.agentId);
  }
}

/**
 * The agent's draft, its secrets back in place: the ones this page typed when it still has
 * them, else the agent's as loaded (after a reload: a SIP password the user did not change
 * must not be sent back empty). A draft whose secrets cannot be put back is not restored:
 * pass `loaded`, the agent the draft is restored onto.
 */
export function loadDraft(agentId: number, loaded?: ApiAgent): AgentDraft | null {
  let stored: StoredDraft;
  try {
    const raw = sessionStorage.getItem(keyOf(agentId));
    if (raw === null) return null;
    stored = JSON.parse(raw) as StoredDraft;
  } catch {
    return null;
  }
  if (stored.agentId !== agentId) return null;
  const { secretsLeftOut = [], secretsTyped: _typed, ...draft } = stored;
  const inMemory = secretsInMemory.get(agentId);
  const loadedValues = loaded === undefined ? undefined : agentToFormValues(loaded);
  for (const formPath of secretsLeftOut) {
    const value = inMemory?.get(formPath) ?? valueAt(loadedValues, formPath);
    if (typeof value === 'string') setAt(draft.values, formPath, value);
    else if (SECRETS.find((f) => f.formPath === formPath)?.strategy.kind !== 'writeOnly') return null;
    // A write-only secret stays empty: the form starts it empty too.
  }
  if (draft.base !== undefined) {
    try {
      draft.base = withSecretsOf(parseApiAgent(draft.base), loaded);
    } catch {
      delete draft.base; // not an agent: the draft can be restored onto its own version only
    }
  }
  return draft;
}

export function clearDraft(agentId: number): void {
  secretsInMemory.delete(agentId);
  try {
    sessionStorage.removeItem(keyOf(agentId));
  } catch {
    // nothing to clear
  }
}
