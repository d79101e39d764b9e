import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page, Request } from '@playwright/test';
import { BASE64_SIMD_WASM } from '../../src/features/agent-editor/knowledge-base/base64-simd-wasm';
import { DEMO_API_KEY, expect, signIn, test } from './fixtures';

const HEADERS = { 'X-CEKURA-API-KEY': DEMO_API_KEY };
const DROPZONE = 'Drop knowledge-base files here or browse';
const PATCH_PREFIX = '/test_framework/v2/aiagents/';

interface KbFile {
  id: number;
  file_name: string;
  file_url: string;
}

/** The seed agent with three knowledge-base files (refund-policy.md, faq.txt, opening-hours.json). */
async function acmeAgent(request: APIRequestContext): Promise<{ id: number; knowledge_base_files: KbFile[] }> {
  const response = await request.get(`${PATCH_PREFIX}?q=Acme`, { headers: HEADERS });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { results: { id: number; knowledge_base_files: KbFile[] }[] };
  const agent = body.results[0];
  if (!agent) throw new Error('No Acme agent in the seed');
  return agent;
}

/**
 * Keeps every Blob body the page sends over XHR: an upload's PATCH body is a Blob (the base64
 * never becomes one string on the page), and Playwright cannot read Blob-backed request bodies.
 */
async function captureBlobBodies(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const bodies: Blob[] = [];
    (window as unknown as { __blobBodies: Blob[] }).__blobBodies = bodies;
    const send = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'send')?.value as XMLHttpRequest['send'];
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
      if (args[0] instanceof Blob) bodies.push(args[0]);
      send.apply(this, args);
    };
  });
}

/** The Blob bodies the page has sent so far, parsed. */
async function sentBodies(page: Page): Promise<PatchBody[]> {
  const texts = await page.evaluate(() => Promise.all((window as unknown as { __blobBodies: Blob[] }).__blobBodies.map((b) => b.text())));
  return texts.map((text) => JSON.parse(text) as PatchBody);
}

async function openKnowledgeBase(page: Page, agentId: number): Promise<void> {
  await captureBlobBodies(page);
  await page.goto(`/agents/${agentId}/knowledge-base`);
  await signIn(page);
  await expect(page.getByRole('button', { name: DROPZONE })).toBeVisible();
}

async function injectFault(request: APIRequestContext, fault: Record<string, unknown>): Promise<void> {
  const response = await request.post('/__emulator/faults', { data: { method: 'PATCH', pathPrefix: PATCH_PREFIX, times: 1, ...fault } });
  expect(response.ok()).toBe(true);
}

function recordPatches(page: Page): Request[] {
  const patches: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH') patches.push(r);
  });
  return patches;
}

interface PatchBody {
  knowledge_base_files?: ({ id: number } | { file_name: string; content_base64: string })[];
}

/** The new files of a PATCH body, decoded. */
function newFiles(body: PatchBody): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const f of body.knowledge_base_files ?? []) {
    if ('content_base64' in f) out[f.file_name] = Buffer.from(f.content_base64, 'base64');
  }
  return out;
}

const keptIds = (body: PatchBody) => (body.knowledge_base_files ?? []).flatMap((f) => ('id' in f ? [f.id] : []));

// Bytes every value of a byte can take, and text beyond ASCII: the base64 must round-trip both.
const PDF_BYTES = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31 + 7) % 256));
const NOTES_TEXT = '# Notes — ünïcødé ✓\n\nReturns within 30 days.\n';

test('a real drag-and-drop adds files, refuses the wrong type and the oversized one by name, and saves the full set', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await openKnowledgeBase(page, agent.id);

  const dataTransfer = await page.evaluateHandle(
    ({ notes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(Array.from({ length: 10_000 }, (_, i) => (i * 31 + 7) % 256))], 'manual.pdf', { type: 'application/pdf' }));
      dt.items.add(new File([new TextEncoder().encode(notes)], 'notes.md', { type: 'text/markdown' }));
      dt.items.add(new File(['MZ'], 'setup.exe', { type: 'application/octet-stream' }));
      dt.items.add(new File([new Uint8Array(50 * 1024 * 1024 + 1)], 'huge.txt', { type: 'text/plain' }));
      return dt;
    },
    { notes: NOTES_TEXT },
  );
  const zone = page.getByRole('button', { name: DROPZONE });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });

  const refused = page.getByRole('alert').filter({ hasText: 'files were not added' });
  await expect(refused).toContainText('setup.exe: .exe files are not accepted');
  await expect(refused).toContainText('huge.txt: Larger than 50 MB');
  const toUpload = page.getByRole('table', { name: 'Files to upload' });
  await expect(toUpload.getByRole('row')).toHaveCount(3); // header + 2
  await expect(toUpload).toContainText('manual.pdf');
  await expect(toUpload).toContainText('9.8 KB');
  await expect(toUpload).toContainText('notes.md');
  await expect(toUpload.getByText('To upload')).toHaveCount(2);

  const patches = recordPatches(page);
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await saved).status()).toBe(200);
  expect(patches).toHaveLength(1);
  const bodies = await sentBodies(page);
  expect(bodies).toHaveLength(1);
  const body = bodies[0] ?? {};
  expect(Object.keys(body)).toEqual(['knowledge_base_files']);
  expect(keptIds(body)).toEqual(agent.knowledge_base_files.map((f) => f.id));
  const added = newFiles(body);
  expect(Object.keys(added)).toEqual(['manual.pdf', 'notes.md']);
  expect(added['manual.pdf']?.equals(PDF_BYTES)).toBe(true);
  expect(added['notes.md']?.toString('utf8')).toBe(NOTES_TEXT);

  // The new files come back with server ids and links that serve the same bytes.
  const files = page.getByRole('table', { name: 'Knowledge-base files' });
  await expect(page.getByRole('table', { name: 'Files to upload' })).toHaveCount(0);
  const link = files.getByRole('link', { name: 'manual.pdf' });
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/emulator-files\/\d+\//);
  const download = await request.get(href ?? '');
  expect(Buffer.from(await download.body()).equals(PDF_BYTES)).toBe(true);
  await expect(files.getByRole('link', { name: 'notes.md' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});

test('the file picker, opened from the keyboard, adds files that save and download byte for byte', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await openKnowledgeBase(page, agent.id);

  const zone = page.getByRole('button', { name: DROPZONE });
  await zone.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles([{ name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from('plan,price\nBasic,20\n') }]);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('prices.csv');

  // The same input, set directly.
  await page.getByLabel('Choose knowledge-base files').setInputFiles([
    { name: 'manual.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES },
  ]);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('manual.pdf');

  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await saved).status()).toBe(200);
  const body = (await sentBodies(page))[0] ?? {};
  expect(keptIds(body)).toEqual(agent.knowledge_base_files.map((f) => f.id));
  expect(newFiles(body)['prices.csv']?.toString()).toBe('plan,price\nBasic,20\n');
  expect(newFiles(body)['manual.pdf']?.equals(PDF_BYTES)).toBe(true);

  const link = page.getByRole('table', { name: 'Knowledge-base files' }).getByRole('link', { name: 'manual.pdf' });
  await expect(link).toBeVisible();
  const download = await request.get((await link.getAttribute('href')) ?? '');
  expect(Buffer.from(await download.body()).equals(PDF_BYTES)).toBe(true);
});

test('the encode workers start with the tab and may compile the SIMD encoder under the policy they are served with', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await openKnowledgeBase(page, agent.id);
  // Started once the tab is shown (an idle callback), before any file is dropped.
  await expect.poll(() => page.workers().filter((w) => w.url().includes('encode-worker')).length).toBeGreaterThanOrEqual(1);
  for (const worker of page.workers().filter((w) => w.url().includes('encode-worker'))) {
    // What the worker does as it starts (base64-simd.ts): refused without 'wasm-unsafe-eval' in
    // the worker script's CSP, or where the engine has no SIMD; the encoder then falls back to JS.
    const compiled = await worker.evaluate((bytes) => {
      try {
        new WebAssembly.Module(new Uint8Array(bytes));
        return 'compiled';
      } catch (error) {
        return String(error);
      }
    }, [...BASE64_SIMD_WASM]);
    expect(compiled).toBe('compiled');
  }
});

test('a large file, read in parts side by side (one worker each), saves byte for byte', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await openKnowledgeBase(page, agent.id);
  // 9 MB (from 8 MB a file is cut into parts), of every byte value, not a multiple of 3 long.
  const large = Buffer.alloc(9 * 1024 * 1024 + 1);
  for (let i = 0; i < large.length; i++) large[i] = (i * 131 + (i >> 8)) % 256;
  await page.getByLabel('Choose knowledge-base files').setInputFiles([{ name: 'handbook.pdf', mimeType: 'application/pdf', buffer: large }]);
  await expect(page.getByRole('table', { name: 'Files to upload' }).getByRole('row', { name: /handbook\.pdf/ })).toContainText('To upload');

  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await saved).status()).toBe(200);
  const body = (await sentBodies(page))[0] ?? {};
  expect(keptIds(body)).toEqual(agent.knowledge_base_files.map((f) => f.id));
  expect(newFiles(body)['handbook.pdf']?.equals(large)).toBe(true);
});

test('removing an existing file asks first, can be undone, and saves the set without it', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  const [first, second, third] = agent.knowledge_base_files;
  if (!first || !second || !third) throw new Error('The seed agent should have three files');
  await openKnowledgeBase(page, agent.id);

  await page.getByRole('button', { name: `Remove ${second.file_name}` }).click();
  await page.getByRole('button', { name: 'Remove file' }).click();
  const toDelete = page.getByRole('region', { name: 'Files to delete' });
  await expect(toDelete).toContainText(second.file_name);
  await toDelete.getByRole('button', { name: `Undo removing ${second.file_name}` }).click();
  await expect(toDelete).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  await page.getByRole('button', { name: `Remove ${second.file_name}` }).click();
  await page.getByRole('button', { name: 'Remove file' }).click();
  const patch = page.waitForRequest((r) => r.method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await patch).postDataJSON()).toEqual({ knowledge_base_files: [{ id: first.id }, { id: third.id }] });

  await expect(page.getByRole('region', { name: 'Files to delete' })).toHaveCount(0);
  const files = page.getByRole('table', { name: 'Knowledge-base files' });
  await expect(files.getByRole('link')).toHaveCount(2);
  await expect(files.getByRole('link', { name: second.file_name })).toHaveCount(0);
});

test('a 500 during upload keeps the files pending, and Retry sends them once', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await openKnowledgeBase(page, agent.id);
  await page.getByLabel('Choose knowledge-base files').setInputFiles([{ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTES_TEXT) }]);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('To upload');

  await injectFault(request, { status: 500 });
  const patches = recordPatches(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'The files were not uploaded' });
  await expect(failed).toContainText('1 file still to upload');
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('notes.md');
  expect(patches).toHaveLength(1);

  await failed.getByRole('button', { name: 'Retry upload' }).click();
  await expect(page.getByRole('table', { name: 'Knowledge-base files' }).getByRole('link', { name: 'notes.md' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Files to upload' })).toHaveCount(0);
  expect(patches).toHaveLength(2);
  const [first, retried = {}] = await sentBodies(page);
  expect(first).toEqual(retried);
  expect(keptIds(retried)).toEqual(agent.knowledge_base_files.map((f) => f.id));
  expect(newFiles(retried)['notes.md']?.toString('utf8')).toBe(NOTES_TEXT);

  const saved = (await (await request.get(`${PATCH_PREFIX}${agent.id}/`, { headers: HEADERS })).json()) as { knowledge_base_files: KbFile[] };
  expect(saved.knowledge_base_files.filter((f) => f.file_name === 'notes.md')).toHaveLength(1);
});

test('the upload shows its progress and can be cancelled, keeping the files pending', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await openKnowledgeBase(page, agent.id);
  await page.getByLabel('Choose knowledge-base files').setInputFiles([{ name: 'manual.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES }]);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('To upload');

  // The emulator holds the answer long enough to cancel (and then fails it, so nothing is saved).
  await injectFault(request, { status: 503, delayMs: 5000 });
  await page.getByRole('button', { name: 'Save changes' }).click();
  const progress = page.getByRole('region', { name: 'Upload progress' });
  await expect(progress).toContainText(/Uploading 1 file: \d+% \(.+ of .+\)/);
  await expect(progress.getByRole('progressbar', { name: 'Upload progress' })).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel upload' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Upload cancelled' })).toContainText('1 file still to upload');
  await expect(page.getByRole('region', { name: 'Upload progress' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('manual.pdf');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeEnabled();
});

test('the knowledge-base tab with files to upload and refused files has no serious axe violations', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await openKnowledgeBase(page, agent.id);
  await page.getByLabel('Choose knowledge-base files').setInputFiles([
    { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTES_TEXT) },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) },
  ]);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('To upload');
  await expect(page.getByRole('alert').filter({ hasText: 'photo.png' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test('the refused files’ message stays until the save goes through, then clears', async ({ page, request }) => {
  const agent = await acmeAgent(request);
  await openKnowledgeBase(page, agent.id);
  await page.getByLabel('Choose knowledge-base files').setInputFiles([
    { name: 'kept.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTES_TEXT) },
    { name: 'refused.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) },
  ]);
  const refused = page.getByRole('alert').filter({ hasText: 'refused.png' });
  await expect(refused).toContainText('1 file was not added');
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('To upload');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('table', { name: 'Knowledge-base files' }).getByRole('link', { name: 'kept.md' })).toBeVisible();
  await expect(refused).toHaveCount(0);
});
