import { expect, test as base } from '@playwright/test';
import type { APIRequestContext, Page, Request } from '@playwright/test';

export const DEMO_API_KEY = 'cekura-demo-key';

/**
 * Where the emulator's test hooks (/__emulator/…) answer: the app's own origin under
 * `vite preview`; the emulator itself behind nginx, which proxies only the API.
 */
export const EMULATOR_HOOKS = process.env.E2E_EMULATOR_URL ?? '';

declare global {
  interface Window {
    __reportCspViolation?: (violation: string) => void;
  }
}

/**
 * Every test starts from the emulator's seed data, with no injected faults, and fails on any
 * Content-Security-Policy violation in any of its pages (the policy is the production one).
 */
export const test = base.extend<{ resetEmulator: undefined }>({
  // Each worker talks to its own server and emulator (e2e/app-servers.ts); behind nginx there
  // is one, and the configured baseURL stands.
  baseURL: async ({ baseURL }, provide, testInfo) => {
    const servers = process.env.E2E_BASE_URLS?.split(',');
    await provide(servers ? servers[testInfo.parallelIndex % servers.length] : baseURL);
  },
  context: async ({ context }, provide) => {
    const violations: string[] = [];
    await context.exposeFunction('__reportCspViolation', (violation: string) => void violations.push(violation));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__reportCspViolation?.(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
      });
    });
    // Violations in workers reach no document; Chromium logs every violation to the console.
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await provide(context);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
  resetEmulator: [
    async ({ request }, use) => {
      const response = await request.post(`${EMULATOR_HOOKS}/__emulator/reset`);
      expect(response.ok()).toBe(true);
      await use(undefined);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in on the sign-in screen shown in place of the current page. */
export async function signIn(page: Page, apiKey = DEMO_API_KEY, { remember = false } = {}): Promise<void> {
  await page.getByLabel('API key').fill(apiKey);
  if (remember) await page.getByRole('checkbox', { name: 'Remember me on this device' }).check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Headers for calling the emulator's API directly (reading seed data, checking what was saved). */
export const API_HEADERS = { 'X-CEKURA-API-KEY': DEMO_API_KEY };

/** An agent as the API answers it; the specs read only the parts they need. */
export interface SeedAgent {
  id: number;
  name: string;
  updated_at: string;
  telephony: Record<string, unknown> & { phone_number: string; sip_uri: string | null };
  provider: Record<string, unknown> & { credentials: { config: Record<string, unknown> } };
  webhook_url: string;
  mock_tools: { id: number; name: string; description: string; is_shared?: boolean }[];
  dynamic_variables: { id?: number; name: string; description: string }[];
  knowledge_base_files: { id: number; file_name: string }[];
  [key: string]: unknown;
}

/** Reads an agent from the emulator's API, so a spec computes what it expects from real data. */
export async function fetchAgent(request: APIRequestContext, id: number): Promise<SeedAgent> {
  const response = await request.get(`/test_framework/v2/aiagents/${id}/`, { headers: API_HEADERS });
  expect(response.ok()).toBe(true);
  return (await response.json()) as SeedAgent;
}

/**
 * Makes the next `times` (default 1) requests matching `method` (default PATCH) and `pathPrefix`
 * (default the agents) answer `status` with `body`, after `delayMs`; with only `delayMs` they
 * then run normally.
 */
export async function injectFault(
  request: APIRequestContext,
  fault: { method?: string; pathPrefix?: string; status?: number; times?: number; body?: unknown; delayMs?: number },
): Promise<void> {
  const response = await request.post(`${EMULATOR_HOOKS}/__emulator/faults`, {
    data: { method: 'PATCH', pathPrefix: '/test_framework/v2/aiagents/', times: 1, ...fault },
  });
  expect(response.ok()).toBe(true);
}

/**
 * Makes the next agent PATCH wait, unanswered, until the faults are cleared
 * (`DELETE /__emulator/faults`): an upload stays in flight for as long as a spec looks at it.
 */
export async function holdNextPatch(request: APIRequestContext): Promise<void> {
  const response = await request.post(`${EMULATOR_HOOKS}/__emulator/faults`, {
    data: { method: 'PATCH', pathPrefix: '/test_framework/v2/aiagents/', times: 1, hold: true, status: 503 },
  });
  expect(response.ok()).toBe(true);
}

/** Opens the editor of `agentId` at `section` by URL, signs in, and waits for the form. */
export async function openEditor(page: Page, agentId: number, section = 'general'): Promise<void> {
  await page.goto(`/agents/${agentId}/${section}`);
  await signIn(page);
  await expect(page.getByRole('form', { name: 'Edit agent' })).toBeVisible();
}

/** Every PATCH the page sends from now on (to count them: a retry must send exactly one more). */
export function recordPatches(page: Page): Request[] {
  const patches: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patches.push(request);
  });
  return patches;
}

/** Resolves with the body of the page's next PATCH. Start it before the action that saves. */
/**
 * The body of the page's next PATCH, once its answer has arrived (or the request failed): a test
 * that reads the agent back right after sees the save applied, not a race with it.
 */
export async function nextPatchBody(page: Page): Promise<unknown> {
  const request = await page.waitForRequest((r) => r.method() === 'PATCH');
  await request.response();
  return request.postDataJSON() as unknown;
}
