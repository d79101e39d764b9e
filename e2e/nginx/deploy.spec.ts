import type { APIRequestContext } from '@playwright/test';
import { API_HEADERS, EMULATOR_HOOKS, expect, signIn, test } from '../specs/fixtures';

// The built app behind nginx (deploy/nginx/default.conf.template) and the standalone emulator.
test.skip(process.env.E2E_NGINX_SKIP !== undefined, process.env.E2E_NGINX_SKIP);
test.use({ baseURL: process.env.E2E_NGINX_URL });

const AGENTS = '/test_framework/v2/aiagents/';
const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy'];

interface KbFile {
  id: number;
  file_name: string;
}

/** The seed agent with knowledge-base files, read through nginx's proxy. */
async function acmeAgent(request: APIRequestContext): Promise<{ id: number; name: string; knowledge_base_files: KbFile[] }> {
  const response = await request.get(`${AGENTS}?q=Acme`, { headers: API_HEADERS });
  expect(response.ok()).toBe(true);
  const agent = ((await response.json()) as { results: { id: number; name: string; knowledge_base_files: KbFile[] }[] }).results[0];
  if (!agent) throw new Error('No Acme agent in the seed');
  return agent;
}

/** A text file of `bytes` bytes. */
function textFile(name: string, bytes: number) {
  return { name, mimeType: 'text/plain', buffer: Buffer.alloc(bytes, 'Support answers, line by line.\n') };
}

test('sign in, open an agent by deep link, edit, save with a 5 MB file, reload: still signed in', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await page.goto(`/agents/${agent.id}/general`);
  await signIn(page);
  const name = page.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveValue(agent.name);
  await name.fill('Served by nginx');

  await page.getByRole('tab', { name: /Knowledge base/ }).click();
  await page.getByLabel('Choose knowledge-base files').setInputFiles([textFile('handbook.txt', 5 * 1024 * 1024)]);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('handbook.txt');

  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole('table', { name: 'Knowledge-base files' }).getByRole('link', { name: 'handbook.txt' })).toBeVisible({ timeout: 30_000 });

  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Served by nginx' })).toBeVisible();

  const stored = await acmeAgentById(request, agent.id);
  expect(stored.name).toBe('Served by nginx');
  expect(stored.knowledge_base_files.map((f) => f.file_name)).toContain('handbook.txt');
});

async function acmeAgentById(request: APIRequestContext, id: number): Promise<{ name: string; knowledge_base_files: KbFile[] }> {
  const response = await request.get(`${AGENTS}${id}/`, { headers: API_HEADERS });
  expect(response.status()).toBe(200);
  return (await response.json()) as { name: string; knowledge_base_files: KbFile[] };
}

test("a save larger than nginx's limit shows its 413 as a clear error and keeps the edits", async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await page.goto(`/agents/${agent.id}/general`);
  await signIn(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('Too big to save');
  await page.getByRole('tab', { name: /Knowledge base/ }).click();
  // 7 MB is ~9.3 MB of base64: over the 8m the tests give nginx.
  await page.getByLabel('Choose knowledge-base files').setInputFiles([textFile('archive.txt', 7 * 1024 * 1024)]);

  const answered = page.waitForResponse((r) => r.request().method() === 'PATCH', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await answered).status()).toBe(413);

  const failed = page.getByRole('alert').filter({ hasText: 'The files were not uploaded' });
  await expect(failed).toContainText('This save is larger than the server accepts (8m at most)');
  await expect(failed).toContainText('1 file still to upload');
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('archive.txt');
  await page.getByRole('tab', { name: /General/ }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Too big to save');
  expect((await acmeAgentById(request, agent.id)).name).toBe(agent.name);
});

test('index.html, an asset and a deep link carry the security headers and the right caching', async ({ request }) => {
  const index = await request.get('/');
  const html = await index.text();
  const asset = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  if (!asset) throw new Error('index.html names no script');
  const responses = {
    'index.html': { response: index, cache: 'no-cache' },
    'a deep link': { response: await request.get('/agents/4242/telephony'), cache: 'no-cache' },
    'an asset': { response: await request.get(asset), cache: 'public, max-age=31536000, immutable' },
  };
  for (const [what, { response, cache }] of Object.entries(responses)) {
    expect(response.status(), what).toBe(200);
    const headers = response.headers();
    for (const name of SECURITY_HEADERS) expect(headers[name], `${name} on ${what}`).toBeTruthy();
    expect(headers['content-security-policy'], what).toContain("script-src 'self' 'wasm-unsafe-eval';"); // scripts from the origin only; WebAssembly may compile (the base64 encoder), eval may not
    expect(headers['cache-control'], what).toBe(cache);
  }
  expect(await responses['a deep link'].response.text()).toBe(html);
  expect(responses['an asset'].response.headers()['content-type']).toContain('javascript');
});

test('the API answers through nginx as the emulator gives them; other prefixes are not proxied', async ({ request }) => {
  for (const target of [`${AGENTS}99999/`, '/user/v1/projects/']) {
    const direct = await request.get(`${EMULATOR_HOOKS}${target}`, { headers: API_HEADERS });
    const proxied = await request.get(target, { headers: API_HEADERS });
    expect(proxied.status(), target).toBe(direct.status());
    expect(await proxied.text(), target).toBe(await direct.text());
    expect(proxied.headers()['content-security-policy']).toBeTruthy();
  }
  expect((await request.get('/user/v1/projects/')).status()).toBe(401); // no key: the API's own answer

  // The emulator's hooks exist, but nginx does not forward them (it is no open proxy).
  const hook = await request.post('/__emulator/faults', { data: { status: 500, pathPrefix: AGENTS } });
  expect(hook.status()).toBe(403);
  const faults = await request.get(`${EMULATOR_HOOKS}/__emulator/faults`);
  expect(await faults.json()).toEqual({ faults: [] });
});
