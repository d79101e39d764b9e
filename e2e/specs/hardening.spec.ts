import type { APIRequestContext, Page } from '@playwright/test';
import { API_HEADERS, EMULATOR_HOOKS, expect, openEditor, recordPatches, signIn, test } from './fixtures';

const AGENT = 101;
const AGENT_PATH = `/test_framework/v2/aiagents/${AGENT}/`;
const DRAFT_KEY = `cekura-agent-draft:${AGENT}`;
// Must match SAVE_TIMEOUT_TEST_HOOK in src/features/agent-editor/use-save-timeout.ts.
const TIMEOUT_HOOK = '__cekuraSaveTimeoutMs';

async function addFault(request: APIRequestContext, fault: Record<string, unknown>): Promise<void> {
  const response = await request.post(`${EMULATOR_HOOKS}/__emulator/faults`, { data: { method: 'PATCH', pathPrefix: AGENT_PATH, ...fault } });
  expect(response.ok()).toBe(true);
}

async function clearFaults(request: APIRequestContext): Promise<void> {
  expect((await request.delete(`${EMULATOR_HOOKS}/__emulator/faults`)).ok()).toBe(true);
}

async function savedName(request: APIRequestContext): Promise<unknown> {
  return ((await (await request.get(AGENT_PATH, { headers: API_HEADERS })).json()) as { name: unknown }).name;
}

async function rename(page: Page, name: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
}

test('no typed secret of any kind reaches sessionStorage or localStorage; a reload names the ones to type again', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  const secrets = {
    apiKey: 'S3CR3T-provider-api-key-4471',
    trigger: 'S3CR3T-trigger-secret-5582',
    webhook: 'S3CR3T-webhook-secret-6693',
    sip: 'S3CR3T-sip-password-7704',
    ws: 'S3CR3T-ws-password-8815',
  };
  await openEditor(page, AGENT, 'provider');
  await page.getByRole('button', { name: 'Replace API key' }).click();
  await page.getByLabel('API key', { exact: true }).fill(secrets.apiKey);
  await page.getByRole('button', { name: 'Replace Trigger secret' }).click();
  await page.getByLabel('Trigger secret', { exact: true }).fill(secrets.trigger);
  await page.getByRole('tab', { name: /^Webhook/ }).click();
  await page.getByRole('button', { name: 'Replace Webhook secret' }).click();
  await page.getByLabel('Webhook secret', { exact: true }).fill(secrets.webhook);
  await page.getByRole('tab', { name: /^Telephony/ }).click();
  const sip = page.getByRole('group', { name: 'SIP auth' });
  await sip.getByRole('textbox', { name: 'Username' }).fill('trunk-user');
  await sip.getByRole('button', { name: 'Replace SIP auth password' }).click();
  await sip.getByLabel('Password', { exact: true }).fill(secrets.sip);
  const ws = page.getByRole('group', { name: 'WebSocket auth' });
  await ws.getByRole('textbox', { name: 'Username' }).fill('ws-user');
  await ws.getByRole('button', { name: 'Replace WebSocket auth password' }).click();
  await ws.getByLabel('Password', { exact: true }).fill(secrets.ws);

  // The draft is written shortly after the last edit.
  await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY)).toContain('ws-user');
  const stored = await page.evaluate(() => {
    const all: string[] = [];
    for (const storage of [sessionStorage, localStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        all.push(`${key}=${storage.getItem(key) ?? ''}`);
      }
    }
    return all.join('\n');
  });
  for (const secret of Object.values(secrets)) expect(stored).not.toContain(secret);

  await page.reload();
  const restored = page.getByRole('alert').filter({ hasText: 'Unsaved changes restored' });
  await expect(restored).toContainText('Type again:');
  for (const label of ['API key', 'Provider setting: Trigger secret', 'Webhook secret', 'SIP auth password', 'WebSocket auth password']) {
    await expect(restored).toContainText(label);
  }
});

test('a save that gets no answer times out, reads the agent back and says the change landed', async ({ page, request }) => {
  await page.addInitScript((hook) => Reflect.set(window, hook, 1500), TIMEOUT_HOOK);
  await openEditor(page, AGENT, 'general');
  // The PATCH is applied, its answer never comes.
  await addFault(request, { afterApply: true, hold: true });
  await rename(page, 'Landed without an answer');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('The server had saved your changes')).toBeVisible();
  await expect(page.getByText(/The server did not answer within 2 s, but the agent read back holds your changes/)).toBeVisible();
  await expect(page.getByText('No unsaved changes.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Landed without an answer' })).toBeVisible();
  await clearFaults(request);
  expect(await savedName(request)).toBe('Landed without an answer');
});

test('Cancel stops a save; the agent read back shows it did not land and the edits stay for Retry', async ({ page, request }) => {
  await openEditor(page, AGENT, 'general');
  const before = await savedName(request);
  // Held before it is applied, then refused: nothing is stored.
  await addFault(request, { hold: true, status: 503 });
  await rename(page, 'Cancelled before it landed');
  const patches = recordPatches(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saving…')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Save cancelled' });
  await expect(notice).toContainText('You cancelled the save. The agent read back does not hold your changes: they were not saved. Your edits are kept.');
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Cancelled before it landed');
  await clearFaults(request);
  expect(await savedName(request)).toBe(before);

  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cancelled before it landed' })).toBeVisible();
  expect(patches).toHaveLength(2);
});

test('a 403 says the key has no permission, keeps the edits, and offers another key (no sign-in loop)', async ({ page, request }) => {
  await openEditor(page, AGENT, 'general');
  await addFault(request, { status: 403, body: { detail: 'You do not have permission to edit agents of this project.' } });
  await rename(page, 'Saved with another key');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'This key has no permission for this agent' });
  await expect(notice).toContainText('You do not have permission to edit agents of this project');
  await expect(page.getByRole('heading', { name: 'Sign in again' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Saved with another key');

  await notice.getByRole('button', { name: 'Sign in with another key' }).click();
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'Sign in again' })).toBeVisible();
  await signIn(page);
  // The save runs again with the key accepted.
  await expect(page.getByRole('heading', { level: 1, name: 'Saved with another key' })).toBeVisible();
  expect(await savedName(request)).toBe('Saved with another key');
});

test('a 429 counts down its Retry-After, and Retry waits until then', async ({ page, request }) => {
  await openEditor(page, AGENT, 'general');
  await addFault(request, { status: 429, headers: { 'Retry-After': '3' } });
  await rename(page, 'After the rate limit');
  const patches = recordPatches(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Too many requests' });
  await expect(notice.getByRole('button', { name: /^Retry in [1-3] s$/ })).toBeDisabled();
  const retry = notice.getByRole('button', { name: 'Retry', exact: true });
  await expect(retry).toBeEnabled({ timeout: 10_000 });
  expect(patches).toHaveLength(1);
  await retry.click();
  await expect(page.getByRole('heading', { level: 1, name: 'After the rate limit' })).toBeVisible();
  expect(patches).toHaveLength(2);
});

test('an upload cancelled after the server stored it says so, and offers nothing to send again', async ({ page, request }) => {
  await openEditor(page, AGENT, 'knowledge-base');
  await page.getByLabel('Choose knowledge-base files').setInputFiles([{ name: 'stored-anyway.md', mimeType: 'text/markdown', buffer: Buffer.from('# Stored\n') }]);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('To upload');
  await addFault(request, { afterApply: true, hold: true });
  await page.getByRole('button', { name: 'Save changes' }).click();
  const progress = page.getByRole('region', { name: 'Upload progress' });
  await expect(progress).toContainText(/Uploading 1 file/);
  // The emulator has stored the file once the request is in; then the user cancels.
  await expect
    .poll(async () => ((await (await request.get(AGENT_PATH, { headers: API_HEADERS })).json()) as { knowledge_base_files: { file_name: string }[] }).knowledge_base_files.map((f) => f.file_name))
    .toContain('stored-anyway.md');
  await progress.getByRole('button', { name: 'Cancel upload' }).click();

  await expect(page.getByText('The server had saved your changes')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Upload cancelled' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Knowledge-base files' }).getByRole('link', { name: 'stored-anyway.md' })).toBeVisible();
  await expect(page.getByText('No unsaved changes.')).toBeVisible();
  await clearFaults(request);
});

test('the read before a save has Cancel too: nothing is sent and the edits stay for Retry', async ({ page, request }) => {
  await openEditor(page, AGENT, 'general');
  const before = await savedName(request);
  // The save's first request, the read of the agent, gets no answer until the fault is cleared.
  await addFault(request, { method: 'GET', hold: true, status: 503 });
  await rename(page, 'Stopped while reading');
  const patches = recordPatches(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saving…')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Save cancelled' });
  await expect(notice).toContainText('You cancelled the save; nothing was sent. Your edits are kept.');
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Stopped while reading');
  await clearFaults(request);
  expect(await savedName(request)).toBe(before);
  expect(patches).toHaveLength(0);

  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stopped while reading' })).toBeVisible();
  expect(patches).toHaveLength(1);
});
