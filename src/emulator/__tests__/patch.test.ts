// @vitest-environment node
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulatorForThisFile, json } from './emulator-server';

interface Agent {
  id: number;
  name: string;
  updated_at: string;
  webhook_secret_configured: boolean;
  telephony: Record<string, unknown>;
  provider: { credentials: { config: Record<string, unknown> }; [key: string]: unknown };
  knowledge_base_files: { id: number; file_url: string; file_name: string; file_type: string; file_size: number; agent: number }[];
  mock_tools: { id: number; name: string; description: string; mock_data: unknown; served_via: { type: string; url: string; mock_index?: number }; subscriber_count: number; is_shared: boolean }[];
  dynamic_variables: { id: number; name: string; description: string }[];
  [key: string]: unknown;
}

const emulator = emulatorForThisFile();

async function getAgent(id: number): Promise<Agent> {
  const res = await emulator().api(`/test_framework/v2/aiagents/${id}/`);
  expect(res.status).toBe(200);
  return (await res.json()) as Agent;
}

async function patch(id: number, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await emulator().api(`/test_framework/v2/aiagents/${id}/`, { method: 'PATCH', body });
  expect(res.headers.get('content-type')).toBe('application/json');
  return { status: res.status, body: await json(res) };
}

async function patchOk(id: number, body: unknown): Promise<Agent> {
  const res = await patch(id, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Agent;
}

describe('GET /test_framework/v2/aiagents/{id}/', () => {
  it('returns the AIAgentV2 shape without any write-only value', async () => {
    const agent = await getAgent(101);
    expect(agent.id).toBe(101);
    expect(agent.webhook_secret_configured).toBe(true);
    expect(agent).not.toHaveProperty('webhook_secret');
    expect(agent).not.toHaveProperty('predefined_metrics');
    expect(agent.provider.credentials).not.toHaveProperty('api_key');
    expect(agent.provider.credentials.config).not.toHaveProperty('trigger_secret');
    expect(agent.provider.credentials.config.trigger_secret_configured).toBe(true);
    expect(agent.provider.chat_provider).toBe('vapi');
    const names = agent.dynamic_variables.map((v) => v.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    for (const file of agent.knowledge_base_files) {
      expect(Object.keys(file).sort()).toEqual(['agent', 'created_at', 'file_name', 'file_size', 'file_type', 'file_url', 'id', 'updated_at']);
      expect(file.agent).toBe(101);
    }
    for (const tool of agent.mock_tools) {
      expect(tool.served_via.url).toMatch(/^https:\/\/mock\.cekura\.ai\//);
      expect(typeof tool.subscriber_count).toBe('number');
      expect(typeof tool.is_shared).toBe('boolean');
    }
    expect(agent.mock_tools.some((t) => t.served_via.type === 'mcp' && t.served_via.mock_index === 1)).toBe(true);
  });
});

describe('PATCH merge rules', () => {
  it('changes one telephony leaf and keeps the others', async () => {
    const before = await getAgent(102);
    const after = await patchOk(102, { telephony: { phone_number: '+34910000001' } });
    expect(after.telephony).toEqual({ ...before.telephony, phone_number: '+34910000001' });
    expect(after.name).toBe(before.name);
    expect(after.mock_tools).toEqual(before.mock_tools);
    expect(await getAgent(102)).toEqual(after);
  });

  it('merges provider config key by key and keeps stored secrets', async () => {
    const after = await patchOk(101, { provider: { credentials: { config: { public_key: 'pk_new' } } } });
    expect(after.provider.credentials.config.public_key).toBe('pk_new');
    expect(after.provider.credentials.config.trigger_url).toBe('https://hooks.acme-internet.example/vapi/trigger');
    expect(after.provider.credentials.config.trigger_secret_configured).toBe(true);
    expect(after.provider.type).toBe('vapi');
  });

  it('replaces an "any" value whole', async () => {
    const after = await patchOk(102, { telephony: { sip_auth: { username: 'only-user' } } });
    expect(after.telephony.sip_auth).toEqual({ username: 'only-user' });
  });

  it('ignores read-only and unknown keys', async () => {
    const before = await getAgent(103);
    const after = await patchOk(103, { id: 1, created_at: '2000-01-01T00:00:00Z', mock_tools_provider: 'x', surprise: true });
    expect(after.id).toBe(103);
    expect(after.created_at).toBe(before.created_at);
    expect(after.mock_tools_provider).toBe(before.mock_tools_provider);
    expect(after).not.toHaveProperty('surprise');
  });

  it('advances updated_at strictly, even for saves in the same millisecond', async () => {
    const stamps: string[] = [(await getAgent(104)).updated_at];
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => patchOk(104, { description: `Rev ${n}` })));
    stamps.push(...results.map((a) => a.updated_at).sort());
    for (let i = 1; i < stamps.length; i++) expect(Date.parse(stamps[i] ?? '')).toBeGreaterThan(Date.parse(stamps[i - 1] ?? ''));
  });

  it('rejects a project that does not exist', async () => {
    const res = await patch(104, { project: 999 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ project: ['Invalid pk "999" - object does not exist.'] });
  });
});

describe('PATCH full sets', () => {
  it('deletes the tools, variables and files left out', async () => {
    const before = await getAgent(105);
    expect(before.mock_tools.length).toBeGreaterThan(1);
    expect(before.dynamic_variables.length).toBeGreaterThan(1);
    expect(before.knowledge_base_files.length).toBeGreaterThan(1);
    const [keptTool] = before.mock_tools;
    const [keptVar] = before.dynamic_variables;
    const [keptFile] = before.knowledge_base_files;
    if (!keptTool || !keptVar || !keptFile) throw new Error('seed too small');
    const after = await patchOk(105, {
      mock_tools: [{ id: keptTool.id }],
      dynamic_variables: [{ name: keptVar.name, description: keptVar.description }],
      knowledge_base_files: [{ id: keptFile.id }],
    });
    expect(after.mock_tools).toEqual([{ ...keptTool, subscriber_count: after.mock_tools[0]?.subscriber_count, is_shared: after.mock_tools[0]?.is_shared }]);
    expect(after.dynamic_variables).toEqual([keptVar]);
    expect(after.knowledge_base_files).toEqual([keptFile]);
  });

  it('creates new tools and variables, updating matched ones by id or name', async () => {
    const before = await getAgent(106);
    const tool = before.mock_tools[0];
    if (!tool) throw new Error('seed too small');
    const after = await patchOk(106, {
      mock_tools: [
        { id: tool.id, description: 'Edited description' },
        { name: 'new_tool', description: 'Brand new', mock_data: [{ input: { a: 1 }, output: { b: 2 } }], served_via: { type: 'mcp', mock_index: 2 } },
      ],
      dynamic_variables: [
        { name: 'zeta', description: 'last' },
        { name: 'alpha', description: 'first' },
      ],
    });
    expect(after.mock_tools).toHaveLength(2);
    expect(after.mock_tools[0]).toMatchObject({ id: tool.id, name: tool.name, description: 'Edited description', mock_data: tool.mock_data });
    const created = after.mock_tools[1];
    expect(created).toMatchObject({ name: 'new_tool', served_via: { type: 'mcp', mock_index: 2, url: 'https://mock.cekura.ai/mcp/106/2/' } });
    expect(typeof created?.id).toBe('number');
    expect(after.dynamic_variables.map((v) => v.name)).toEqual(['alpha', 'zeta']);
    expect(after.dynamic_variables.every((v) => typeof v.id === 'number')).toBe(true);
  });

  it('shares an edit of a shared tool with every agent that uses it', async () => {
    const agents = await Promise.all([101, 102, 105].map(getAgent));
    const shared = agents[0]?.mock_tools.find((t) => t.name === 'lookup_customer');
    if (!shared) throw new Error('shared tool missing');
    expect(shared.is_shared).toBe(true);
    const holders = agents.filter((a) => a.mock_tools.some((t) => t.id === shared.id));
    expect(holders.length).toBe(shared.subscriber_count);
    const other = holders.find((a) => a.id !== 101);
    if (!other) throw new Error('no other holder');
    await patchOk(101, { mock_tools: (agents[0]?.mock_tools ?? []).map((t) => (t.id === shared.id ? { id: t.id, description: 'Shared edit' } : { id: t.id })) });
    const seen = (await getAgent(other.id)).mock_tools.find((t) => t.id === shared.id);
    expect(seen?.description).toBe('Shared edit');
    const dropped = await patchOk(101, { mock_tools: (agents[0]?.mock_tools ?? []).filter((t) => t.id !== shared.id).map((t) => ({ id: t.id })) });
    expect(dropped.mock_tools.some((t) => t.id === shared.id)).toBe(false);
    const after = (await getAgent(other.id)).mock_tools.find((t) => t.id === shared.id);
    expect(after?.subscriber_count).toBe(shared.subscriber_count - 1);
  });
});

describe('PATCH knowledge-base files', () => {
  it('stores an upload and serves it back byte-identical with its type', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    const before = await getAgent(107);
    const after = await patchOk(107, {
      knowledge_base_files: [
        ...before.knowledge_base_files.map((f) => ({ id: f.id })),
        { file_name: 'binary manual.pdf', content_base64: bytes.toString('base64') },
        { name: 'notes.md', content_base64: `data:text/markdown;base64,${Buffer.from('# Ünïcode ✓\n').toString('base64')}` },
      ],
    });
    expect(after.knowledge_base_files).toHaveLength(before.knowledge_base_files.length + 2);
    const pdf = after.knowledge_base_files.find((f) => f.file_name === 'binary manual.pdf');
    expect(pdf).toMatchObject({ agent: 107, file_type: 'application/pdf', file_size: 4096 });
    const served = await fetch(`${emulator().baseUrl}${pdf?.file_url ?? ''}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    const md = after.knowledge_base_files.find((f) => f.file_name === 'notes.md');
    const mdRes = await fetch(`${emulator().baseUrl}${md?.file_url ?? ''}`);
    expect(mdRes.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await mdRes.text()).toBe('# Ünïcode ✓\n');
  });

  it('accepts a large upload (12 MB)', async () => {
    const bytes = Buffer.alloc(12 * 1024 * 1024, 7);
    const after = await patchOk(103, { knowledge_base_files: [{ file_name: 'big.txt', content_base64: bytes.toString('base64') }] });
    expect(after.knowledge_base_files).toHaveLength(1);
    expect(after.knowledge_base_files[0]?.file_size).toBe(bytes.length);
    const served = await fetch(`${emulator().baseUrl}${after.knowledge_base_files[0]?.file_url ?? ''}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers an unknown file id with an indexed DRF error and changes nothing', async () => {
    const before = await getAgent(101);
    const blobsBefore = await fs.readdir(path.join(emulator().dataDir, 'files'));
    const res = await patch(101, {
      name: 'Should not stick',
      knowledge_base_files: [
        { id: before.knowledge_base_files[0]?.id },
        { file_name: 'new.txt', content_base64: Buffer.from('hello').toString('base64') },
        { id: 999999 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ knowledge_base_files: [{}, {}, { id: ['Invalid file id "999999" - object does not exist.'] }] });
    expect(await getAgent(101)).toEqual(before);
    expect(await fs.readdir(path.join(emulator().dataDir, 'files'))).toEqual(blobsBefore);
  });

  it('rejects content that is not base64, empty, or of a type not allowed', async () => {
    const res = await patch(101, {
      knowledge_base_files: [
        { file_name: 'a.txt', content_base64: 'not base64!!' },
        { file_name: 'b.txt', content_base64: '' },
        { file_name: 'c.exe', content_base64: 'aGk=' },
      ],
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(['knowledge_base_files']);
    const items = res.body.knowledge_base_files as Record<string, string[]>[];
    expect(items.slice(0, 2)).toEqual([{}, {}]);
    expect(items[2]?.file_name?.[0]).toMatch(/^Unsupported file type/);
    const semantic = await patch(101, {
      knowledge_base_files: [
        { file_name: 'a.txt', content_base64: 'not base64!!' },
        { file_name: 'b.txt', content_base64: '' },
      ],
    });
    expect(semantic.status).toBe(400);
    expect(semantic.body).toEqual({
      knowledge_base_files: [{ content_base64: ['The file content is not valid base64.'] }, { content_base64: ['The submitted file is empty.'] }],
    });
  });

  it('does not serve unknown files', async () => {
    expect((await fetch(`${emulator().baseUrl}/emulator-files/999999/nothing.txt`)).status).toBe(404);
    expect((await fetch(`${emulator().baseUrl}/emulator-files/301/..%2Fstate.json`)).status).toBe(404);
  });
});

describe('PATCH validation', () => {
  it('answers an invalid body with DRF errors at nested paths', async () => {
    const before = await getAgent(101);
    const res = await patch(101, {
      name: 'x'.repeat(300),
      language: 'klingon',
      telephony: { sip_uri: 'not-a-sip-uri', outbound_numbers: ['+14155550123', '555'] },
      mock_tools: [{ id: before.mock_tools[0]?.id }, { name: 'bad name!' }],
      dynamic_variables: [{ name: '1bad', description: 'x' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.name).toEqual([expect.any(String)]);
    expect(res.body.language).toEqual([expect.any(String)]);
    expect(res.body.telephony).toEqual({
      sip_uri: ['Enter a valid SIP URI.'],
      outbound_numbers: [{}, ['Enter a valid phone number in E.164 format.']],
    });
    expect(res.body.mock_tools).toEqual([{}, { name: [expect.any(String)] }]);
    expect(res.body.dynamic_variables).toEqual([{ name: ['Enter a valid variable name.'] }]);
    expect(await getAgent(101)).toEqual(before);
  });

  it('answers duplicate tool names with an indexed error', async () => {
    const res = await patch(101, { mock_tools: [{ name: 'same_name' }, { name: 'same_name' }] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ mock_tools: [{}, { name: ['A mock tool with this name already exists on this agent.'] }] });
  });
});

describe('write-only values', () => {
  it('never returns the webhook secret, and webhook_secret_configured follows it', async () => {
    const before = await getAgent(103);
    expect(before.webhook_secret_configured).toBe(false);
    const set = await patch(103, { webhook_url: 'https://example.com/hook', webhook_secret: 'super-secret-value-1' });
    expect(set.status).toBe(200);
    expect(set.body.webhook_secret_configured).toBe(true);
    expect(JSON.stringify(set.body)).not.toContain('super-secret-value-1');
    const read = await emulator().api('/test_framework/v2/aiagents/103/');
    expect(await read.text()).not.toContain('super-secret-value-1');
    const cleared = await patchOk(103, { webhook_secret: '' });
    expect(cleared.webhook_secret_configured).toBe(false);
  });

  it('never returns the provider API key, config secrets, predefined metrics or configure_from_provider', async () => {
    const res = await patch(104, {
      predefined_metrics: ['secret-metric-xyz'],
      provider: { credentials: { api_key: 'secret-api-key-xyz', config: { trigger_secret: 'secret-trigger-xyz' } }, configure_from_provider: true },
    });
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    for (const secret of ['secret-metric-xyz', 'secret-api-key-xyz', 'secret-trigger-xyz', 'configure_from_provider', 'predefined_metrics']) {
      expect(text).not.toContain(secret);
    }
    const list = await emulator().api('/test_framework/v2/aiagents/?page_size=100');
    expect(await list.text()).not.toContain('secret-api-key-xyz');
  });

  it('keeps secrets stored: they survive in state.json', async () => {
    const state = await fs.readFile(path.join(emulator().dataDir, 'state.json'), 'utf8');
    expect(state).toContain('secret-api-key-xyz');
  });
});
