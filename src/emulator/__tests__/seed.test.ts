// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAgentSchema } from '../../agent/api-schema';
import { PROVIDER_CONFIG_FIELDS } from '../../agent/constants';
import type { ProviderType } from '../../agent/constants';
import { agentWriteSchema } from '../../agent/write-schema';
import { buildSeed } from '../seed';
import { SEED_AGENT_SPECS } from '../seed-agents';
import { LARGE_AGENT_NAME } from '../seed-large';
import { json, removeDir, startEmulator } from './emulator-server';
import type { RunningEmulator } from './emulator-server';

interface Agent {
  id: number;
  name: string;
  language: string;
  telephony: { phone_number: string };
  provider: { type: ProviderType; credentials: { config: Record<string, unknown> } | null };
  knowledge_base_files: { file_url: string; file_size: number; file_type: string }[];
  mock_tools: { mock_data: unknown; is_shared: boolean; subscriber_count: number; served_via: { type: string } }[];
  dynamic_variables: { name: string }[];
}

let emu: RunningEmulator;
let agents: Agent[];
beforeAll(async () => {
  emu = await startEmulator();
  agents = (await json(await emu.api('/test_framework/v2/aiagents/?page_size=100'))).results as Agent[];
});
afterAll(async () => {
  await emu.close();
  await removeDir(emu.dataDir);
});

describe('seed', () => {
  // Not timed: a wall-clock bound fails on a loaded machine, not on slow code.
  it('is deterministic', () => {
    const a = buildSeed();
    expect(buildSeed()).toEqual(a);
  });

  it('has realistic agents across providers and languages', () => {
    const regular = agents.filter((a) => a.name !== LARGE_AGENT_NAME);
    expect(regular.length).toBeGreaterThanOrEqual(6);
    const providers = new Set(regular.map((a) => a.provider.type));
    for (const type of ['vapi', 'retell', 'elevenlabs', 'livekit', 'custom']) expect(providers).toContain(type);
    expect(providers.size).toBeGreaterThanOrEqual(6);
    const languages = new Set(regular.map((a) => a.language));
    for (const language of ['en', 'es', 'de', 'fr', 'multi']) expect(languages).toContain(language);
    for (const agent of regular) {
      expect(agent.telephony.phone_number, agent.name).toMatch(/^\+[1-9]\d{1,14}$/);
      expect(agent.mock_tools.length, agent.name).toBeGreaterThanOrEqual(1);
      expect(agent.mock_tools.length, agent.name).toBeLessThanOrEqual(6);
      expect(agent.dynamic_variables.length, agent.name).toBeGreaterThanOrEqual(2);
      expect(agent.dynamic_variables.length, agent.name).toBeLessThanOrEqual(8);
      expect(agent.knowledge_base_files.length, agent.name).toBeGreaterThanOrEqual(1);
      expect(agent.knowledge_base_files.length, agent.name).toBeLessThanOrEqual(4);
      for (const tool of agent.mock_tools) {
        expect(Array.isArray(tool.mock_data)).toBe(true);
        for (const pair of tool.mock_data as unknown[]) expect(Object.keys(pair as object).sort()).toEqual(['input', 'output']);
      }
      // every config key is one the provider type knows (or a derived `<secret>_configured` flag)
      const known = PROVIDER_CONFIG_FIELDS[agent.provider.type].map((f) => f.key);
      for (const key of Object.keys(agent.provider.credentials?.config ?? {})) {
        expect(known.includes(key) || known.includes(key.replace(/_configured$/, '')), `${agent.name}: ${key}`).toBe(true);
      }
    }
    expect(regular.some((a) => a.mock_tools.some((t) => t.is_shared && t.subscriber_count === 3))).toBe(true);
    expect(regular.some((a) => a.mock_tools.some((t) => t.served_via.type === 'mcp'))).toBe(true);
  });

  it('has a large load-test agent', () => {
    const large = agents.find((a) => a.name === LARGE_AGENT_NAME);
    expect(large?.dynamic_variables.length).toBeGreaterThanOrEqual(500);
    expect(large?.mock_tools.length).toBeGreaterThanOrEqual(200);
    expect(large?.knowledge_base_files.length).toBeGreaterThanOrEqual(50);
  });

  it('serves every seeded file at its file_url with its size and type', async () => {
    const files = agents.flatMap((a) => a.knowledge_base_files);
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) {
      const res = await fetch(`${emu.baseUrl}${file.file_url}`);
      expect(res.status, file.file_url).toBe(200);
      expect(res.headers.get('content-type')).toContain(file.file_type);
      expect((await res.arrayBuffer()).byteLength).toBe(file.file_size);
    }
  });

  it('answers with agents the dashboard’s response schema reads, that round-trip through the write schema', () => {
    for (const agent of agents) {
      expect(apiAgentSchema.safeParse(agent).success, agent.name).toBe(true);
      // Every writable key, sent back as read: the seed itself must be valid input.
      const { id: _id, created_at: _c, updated_at: _u, knowledge_base_files, ...body } = agent as Agent & Record<string, unknown>;
      body.knowledge_base_files = knowledge_base_files.map((_, index) => ({ id: index + 1 }));
      expect(agentWriteSchema.safeParse(body).success, agent.name).toBe(true);
    }
  });

  it('never returns a seeded secret', async () => {
    const text = await (await emu.api('/test_framework/v2/aiagents/?page_size=100')).text();
    const secrets = SEED_AGENT_SPECS.flatMap((spec) => {
      const credentials = (spec.provider.credentials ?? {}) as { api_key?: string; config?: Record<string, unknown> };
      return [credentials.api_key, credentials.config?.trigger_secret, spec.webhook_secret].filter((s): s is string => typeof s === 'string');
    });
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
