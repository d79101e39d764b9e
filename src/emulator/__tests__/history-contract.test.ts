// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { parseHistoryPage } from '../../agent/history-schema';
import { emulatorForThisFile, json } from './emulator-server';

/** History, version names, restore and saves by another user, as `CONTRACT.md` "History and restore" says. */

interface Item {
  id: number;
  name: string;
  description: string;
}
interface File {
  id: number;
  file_name: string;
}
interface Agent extends Record<string, unknown> {
  id: number;
  name: string;
  updated_at: string;
  mock_tools: Item[];
  dynamic_variables: Item[];
  knowledge_base_files: File[];
}
interface Version extends Record<string, unknown> {
  history_id: number;
  history_user: { id: number; name: string; email: string } | null;
  version_name: string;
}

const emulator = emulatorForThisFile();
const AGENT = '/test_framework/v2/aiagents/101/';

beforeEach(async () => {
  expect((await emulator().api('/__emulator/reset', { method: 'POST', key: null })).status).toBe(200);
});

async function getAgent(): Promise<Agent> {
  return (await json(await emulator().api(AGENT))) as Agent;
}

async function patch(body: unknown): Promise<Agent> {
  const res = await emulator().api(AGENT, { method: 'PATCH', body });
  expect(res.status).toBe(200);
  return (await res.json()) as Agent;
}

async function versions(query = ''): Promise<{ count: number; next: string | null; previous: string | null; results: Version[] }> {
  const res = await emulator().api(`${AGENT}history/${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { count: number; next: string | null; previous: string | null; results: Version[] };
}

function patchAs(body: unknown, id = 101): Promise<Response> {
  return emulator().api(`/__emulator/agents/${id}/patch-as`, { method: 'POST', key: null, body });
}

describe('GET …/history/', () => {
  it('answers each version with who, when, and a snapshot of the versioned fields only', async () => {
    const agent = await patch({ description: 'Second version', telephony: { phone_number: '+14155550999' } });
    const page = await versions();
    expect(page).toMatchObject({ count: 2, next: null, previous: null });
    const [latest] = page.results;
    expect(Object.keys(latest ?? {}).sort()).toEqual(
      [
        'history_id', 'history_date', 'history_type', 'history_change_reason', 'history_user', 'version_id', 'version_name', 'id',
        'agent_name', 'language', 'description', 'mock_tools', 'dynamic_variables', 'knowledge_base_files',
      ].sort(),
    );
    expect(latest).toMatchObject({
      history_type: '~',
      history_user: { id: 1, name: 'Demo User', email: 'demo@cekura.ai' },
      id: 101,
      agent_name: agent.name,
      language: agent.language,
      description: 'Second version',
      // The snapshot's items have the agent's item shape.
      mock_tools: agent.mock_tools,
      dynamic_variables: agent.dynamic_variables,
      knowledge_base_files: agent.knowledge_base_files,
    });
    expect(typeof latest?.history_change_reason).toBe('string');
    expect(typeof latest?.version_id).toBe('string');
    expect(Date.parse(String(latest?.history_date))).not.toBeNaN();
    // The app's schema reads it whole.
    expect(parseHistoryPage(page)).toEqual(page);
  });

  it('pages newest first', async () => {
    for (const n of [2, 3, 4]) await patch({ description: `Version ${n}` });
    const first = await versions('?page_size=3');
    expect(first.count).toBe(4);
    expect(first.results.map((v) => v.description)).toEqual(['Version 4', 'Version 3', 'Version 2']);
    expect(first.next).toBe(`${AGENT}history/?page_size=3&page=2`);
    const second = await versions('?page_size=3&page=2');
    expect(second.results.map((v) => v.history_type)).toEqual(['+']);
    expect(second.previous).toBe(`${AGENT}history/?page_size=3`);
  });
});

describe('PATCH …/history/edit/', () => {
  it('renames a version and answers it', async () => {
    const [original] = (await versions()).results;
    const res = await emulator().api(`${AGENT}history/edit/`, { method: 'PATCH', body: { history_id: original?.history_id, version_name: '  Before the launch ' } });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ history_id: original?.history_id, version_name: 'Before the launch' });
    expect((await versions()).results[0]?.version_name).toBe('Before the launch');
    expect((await versions()).count).toBe(1);
  });

  it('answers field errors for a missing name, a blank one, or an unknown version', async () => {
    const [original] = (await versions()).results;
    const edit = async (body: unknown) => {
      const res = await emulator().api(`${AGENT}history/edit/`, { method: 'PATCH', body });
      expect(res.status).toBe(400);
      return json(res);
    };
    expect(await edit({ history_id: original?.history_id })).toEqual({ version_name: ['This field is required.'] });
    expect(await edit({ history_id: original?.history_id, version_name: '  ' })).toEqual({ version_name: ['This field may not be blank.'] });
    expect(Object.keys(await edit({ history_id: 999999, version_name: 'x' }))).toEqual(['history_id']);
    expect((await emulator().api(`${AGENT}history/edit/`, { method: 'POST', body: {} })).status).toBe(405);
  });
});

describe('POST …/restore/', () => {
  it('reverts tools and variables in place, deletes the others, brings the files back, and changes nothing else', async () => {
    const original = await getAgent();
    const [v1] = (await versions()).results;
    const [keptTool, deletedTool] = original.mock_tools;
    const [keptVar, deletedVar] = original.dynamic_variables;
    if (!keptTool || !deletedTool || !keptVar || !deletedVar || original.knowledge_base_files.length === 0) throw new Error('agent 101 has too little to restore');
    const edited = await patch({
      name: 'Renamed',
      language: 'de',
      description: 'Changed',
      agent_speaks_first: false,
      telephony: { phone_number: '+14155550999' },
      webhook_url: 'https://hooks.example.com/other',
      mock_tools: [{ id: keptTool.id, description: 'Edited' }, { name: 'brand_new', description: 'New', mock_data: [] }],
      dynamic_variables: [{ name: keptVar.name, description: 'Edited' }, { name: 'brand_new', description: 'New' }],
      knowledge_base_files: [],
    });

    const res = await emulator().api(`${AGENT}restore/`, { method: 'POST', body: { history_id: v1?.history_id } });
    expect(res.status).toBe(200);
    const restored = (await res.json()) as Agent;
    expect(restored).toMatchObject({ name: original.name, language: original.language, description: original.description });
    expect(restored.mock_tools.map((t) => [t.id, t.name, t.description])).toEqual(original.mock_tools.map((t) => [t.id, t.name, t.description]));
    expect(restored.dynamic_variables).toEqual(original.dynamic_variables);
    expect(restored.knowledge_base_files).toEqual(original.knowledge_base_files);
    // Not versioned: as the last save left them.
    for (const key of ['agent_speaks_first', 'telephony', 'provider', 'webhook_url', 'webhook_secret_configured', 'email_id', 'project', 'mock_tools_enabled']) {
      expect(restored[key], key).toEqual(edited[key]);
    }
    expect(await getAgent()).toEqual(restored);
    const [latest] = (await versions()).results;
    expect(latest).toMatchObject({ history_type: '~', agent_name: original.name, history_user: { id: 1 } });
  });
});

describe('POST /__emulator/agents/{id}/patch-as', () => {
  it('saves as a colleague, recorded as theirs, while a normal PATCH is the demo user’s', async () => {
    const res = await patchAs({ body: { description: 'Carl was here' } });
    expect(res.status).toBe(200);
    expect((await json(res)).description).toBe('Carl was here');
    expect((await getAgent()).description).toBe('Carl was here');
    await patch({ name: 'Anna was here' });
    const [anna, carl] = (await versions()).results;
    expect(carl?.history_user).toEqual({ id: 2, name: 'Carl Colleague', email: 'carl@cekura.ai', first_name: 'Carl', last_name: 'Colleague' });
    expect(anna?.history_user).toMatchObject({ id: 1, name: 'Demo User', email: 'demo@cekura.ai' });
  });

  it('records the user it is given, or none', async () => {
    expect((await patchAs({ user: { id: 7, name: 'Bea Lopez', email: 'bea@example.com' }, body: { description: 'Bea' } })).status).toBe(200);
    expect((await versions()).results[0]?.history_user).toMatchObject({ id: 7, name: 'Bea Lopez', email: 'bea@example.com' });
    expect((await patchAs({ user: null, body: { description: 'Nobody' } })).status).toBe(200);
    expect((await versions()).results[0]?.history_user).toBeNull();
  });

  it('follows the PATCH rules: a full-set collection, a DRF 400 without a version, 404 for no agent', async () => {
    const before = await getAgent();
    const res = await patchAs({ body: { dynamic_variables: [{ name: 'colleague_var', description: 'Added by Carl' }] } });
    expect(((await json(res)).dynamic_variables as Item[]).map((v) => v.name)).toEqual(['colleague_var']);
    const count = (await versions()).count;
    const bad = await patchAs({ body: { telephony: { phone_number: 'not a number' } } });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toHaveProperty('telephony.phone_number');
    expect((await versions()).count).toBe(count);
    expect((await patchAs({ body: { name: 'x' } }, 99999)).status).toBe(404);
    expect(await json(await patchAs({ user: 'carl', body: {} }))).toHaveProperty('user');
    expect(await json(await patchAs({}))).toHaveProperty('body');
    expect(Date.parse((await getAgent()).updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
  });
});
