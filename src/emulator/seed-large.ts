import { provider, telephony } from './seed-types';
import type { SeedAgentSpec, SeedFile, SeedTool } from './seed-types';

/** One agent big enough to show how the editor copes: hundreds of variables and tools, dozens of files. */

export const LARGE_AGENT_NAME = 'Large load-test agent';
export const LARGE_COUNTS = { variables: 520, tools: 220, files: 60 } as const;

const DOMAINS = ['billing', 'shipping', 'account', 'order', 'warranty', 'loyalty', 'returns', 'support', 'store', 'payment'];
const FIELDS = ['id', 'status', 'date', 'amount', 'reference', 'owner', 'region', 'channel', 'note', 'code', 'tier', 'limit', 'count'];
const VERBS = ['get', 'update', 'list', 'cancel', 'create', 'verify', 'schedule', 'estimate', 'lookup', 'sync', 'notify'];
const EXTENSIONS = ['md', 'txt', 'json', 'csv'] as const;

function at<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

function variables(): [string, string][] {
  return Array.from({ length: LARGE_COUNTS.variables }, (_, i) => {
    const domain = at(DOMAINS, i);
    const field = at(FIELDS, Math.floor(i / DOMAINS.length));
    return [`${domain}_${field}_${pad(i)}`, `The ${field} of the caller’s ${domain} record (#${i}).`];
  });
}

function tools(): SeedTool[] {
  return Array.from({ length: LARGE_COUNTS.tools }, (_, i) => {
    const verb = at(VERBS, i);
    const domain = at(DOMAINS, Math.floor(i / VERBS.length));
    const tool: SeedTool = {
      name: `${verb}_${domain}_${pad(i)}`,
      description: `${verb[0]?.toUpperCase() ?? ''}${verb.slice(1)} a ${domain} record. Load-test tool #${i}.`,
      mock_data: [
        { input: { [`${domain}_id`]: `${domain.slice(0, 3).toUpperCase()}-${1000 + i}` }, output: { ok: true, status: at(['open', 'closed', 'pending'], i) } },
        { input: { [`${domain}_id`]: 'missing' }, output: { ok: false, error: 'not found' } },
      ],
    };
    if (i % 25 === 0) tool.mcp = { mock_index: 1 + (i / 25) % 3, server: { name: 'Load-test MCP', key: 'loadtest' } };
    return tool;
  });
}

function fileContent(ext: (typeof EXTENSIONS)[number], i: number): string {
  const domain = at(DOMAINS, i);
  switch (ext) {
    case 'md':
      return `# ${domain} guide ${i}\n\n- Always confirm the ${domain} reference.\n- Escalate after two failed lookups.\n`;
    case 'txt':
      return `${domain.toUpperCase()} NOTES ${i}\nKeep answers under 20 seconds.\nOffer a callback when the queue is long.\n`;
    case 'json':
      return `${JSON.stringify({ section: domain, index: i, rules: [`${domain}-rule-a`, `${domain}-rule-b`] }, null, 2)}\n`;
    case 'csv':
      return `code,label,${domain}_weight\n${i},${domain} ${i},${(i % 7) + 1}\n${i + 1},${domain} ${i + 1},${(i % 5) + 1}\n`;
  }
}

function files(): SeedFile[] {
  return Array.from({ length: LARGE_COUNTS.files }, (_, i) => {
    const ext = at(EXTENSIONS, i);
    return { file_name: `kb-${at(DOMAINS, i)}-${pad(i)}.${ext}`, content: fileContent(ext, i) };
  });
}

export function largeAgentSpec(): SeedAgentSpec {
  return {
    name: LARGE_AGENT_NAME,
    description: [
      'A synthetic agent for load-testing the dashboard. It behaves like a retail customer-service agent that can reach',
      'every back-office system through a mock tool, knows hundreds of per-caller variables, and has a large knowledge base.',
      '',
      ...DOMAINS.map((d, i) => `${i + 1}. ${d}: answer ${d} questions with the ${d} tools, confirm the ${d} reference first, and summarise at the end.`),
    ].join('\n'),
    project: 3,
    language: 'en',
    agent_speaks_first: true,
    telephony: telephony({
      phone_number: '+12065550100',
      inbound: true,
      outbound_numbers: Array.from({ length: 12 }, (_, i) => `+120655501${String(i + 1).padStart(2, '0')}`),
    }),
    provider: provider({
      type: 'synthflow',
      agent_id: 'sf-loadtest-0001',
      credentials: { api_key: 'sf_demo_key_load', config: { synthflow_base_url_override: 'https://api.synthflow.example' } },
      auto_dial_outbound: false,
      auto_sync_prompt: true,
    }),
    mock_tools_enabled: true,
    mock_tools_provider: null,
    enabled_personalities: [1, 2, 3, 4, 5],
    tools: tools(),
    variables: variables(),
    files: files(),
    createdDay: 30,
  };
}
