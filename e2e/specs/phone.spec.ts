import type { Locator, Page } from '@playwright/test';
import { EMULATOR_HOOKS, expect, fetchAgent, holdNextPatch, injectFault, openEditor, signIn, test } from './fixtures';
import { saveScreenshot, visitEditorTabs } from './save-screenshot';

/** The dashboard on a 390×844 phone (the "phone" project runs this spec alone). */

const AGENT = 101;
const DROPZONE_INPUT = 'Choose knowledge-base files';

function viewportWidth(page: Page): number {
  const size = page.viewportSize();
  if (size === null) throw new Error('no viewport');
  return size.width;
}

/** Nothing scrolls sideways: not the page, and no part of it (a table in a scroll container). */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${where} scrolls sideways`).toBeLessThanOrEqual(viewportWidth(page));
  const scrollingParts = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(element).overflowX))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
  expect(scrollingParts, `parts of ${where} that scroll sideways`).toEqual([]);
}

/**
 * `locator` is shown whole within the screen's width: polled, since a toast slides in from the
 * side and is only partly in view until its transition ends.
 */
async function expectWithinWidth(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const width = viewportWidth(page);
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      return box === null ? 'not laid out' : { left: box.x >= 0, right: box.x + box.width <= width };
    })
    .toEqual({ left: true, right: true });
}

async function heightOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  return box?.height ?? Infinity;
}

const saveBar = (page: Page) => page.getByRole('region', { name: 'Save' });

test('the list reflows, every editor tab fits the width, the clean save bar is one row, and files show their badges and Remove', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  expect(agent.knowledge_base_files.length).toBeGreaterThan(0);
  await page.goto('/agents');
  await signIn(page);
  const link = page.getByRole('table', { name: 'Agents' }).getByRole('link', { name: agent.name });
  await expectWithinWidth(page, link);
  await expectNoSidewaysScroll(page, 'The agents list');
  await saveScreenshot(page, 'agents-list');

  await link.click();
  await expect(page.getByRole('form', { name: 'Edit agent' })).toBeVisible();
  const bar = saveBar(page);
  const status = bar.getByText('No unsaved changes.');
  const save = bar.getByRole('button', { name: 'Save changes' });
  await expect(status).toBeInViewport();
  await expectWithinWidth(page, save);
  // One compact row: the status beside Save, nothing stacked.
  expect(await heightOf(bar)).toBeLessThanOrEqual(64);
  const [statusBox, saveBox] = [await status.boundingBox(), await save.boundingBox()];
  expect(Math.abs((statusBox?.y ?? 0) + (statusBox?.height ?? 0) / 2 - ((saveBox?.y ?? 0) + (saveBox?.height ?? 0) / 2))).toBeLessThan(12);

  await visitEditorTabs(page, AGENT, async (slug) => {
    await expectNoSidewaysScroll(page, `The ${slug} tab`);
    await saveScreenshot(page, `editor-${slug}`);
  });

  await page.getByRole('tab', { name: /^Knowledge base/ }).click();
  for (const file of agent.knowledge_base_files) {
    await expectWithinWidth(page, page.getByRole('button', { name: `Remove ${file.file_name}` }));
  }
  await page.getByLabel(DROPZONE_INPUT).setInputFiles([{ name: 'phone-notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\n') }]);
  const toUpload = page.getByRole('table', { name: 'Files to upload' });
  await expectWithinWidth(page, toUpload.getByText('To upload', { exact: true }));
  await expectWithinWidth(page, toUpload.getByRole('button', { name: 'Remove phone-notes.md' }));
  await expectNoSidewaysScroll(page, 'The knowledge-base tab with a file to upload');
});

test('dirty and uploading, the save bar stays under 120 px with the upload in view; the review fits the width', async ({ page, request }) => {
  await openEditor(page, AGENT, 'knowledge-base');
  await page.getByLabel(DROPZONE_INPUT).setInputFiles([{ name: 'phone-upload.md', mimeType: 'text/markdown', buffer: Buffer.alloc(300 * 1024, 'a') }]);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('To upload');
  const bar = saveBar(page);
  await expect(bar.getByText(/^You have unsaved changes/)).toBeVisible();
  for (const name of ['Review changes', 'Discard changes', 'Save changes']) await expectWithinWidth(page, bar.getByRole('button', { name }));
  expect(await heightOf(bar)).toBeLessThanOrEqual(120);

  await bar.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  await expect(review.getByRole('table', { name: 'Changes' })).toBeVisible();
  await expectWithinWidth(page, review);
  await saveScreenshot(page, 'review');
  await page.keyboard.press('Escape');
  await expect(review).toHaveCount(0);

  // The PATCH gets no answer until the fault is cleared: the upload stays in flight to look at.
  await holdNextPatch(request);
  await page.evaluate(() => window.scrollTo(0, 0));
  await bar.getByRole('button', { name: 'Save changes' }).click();
  const progress = bar.getByRole('region', { name: 'Upload progress' });
  // The file's own 300 KB, not the 400 KB of base64 the body carries.
  await expect(progress).toContainText(/Uploading 1 file: \d+% \(.+ of 300 KB\)/);
  await expect(progress.getByRole('progressbar', { name: 'Upload progress' })).toBeInViewport();
  await expectWithinWidth(page, progress.getByRole('button', { name: 'Cancel upload' }));
  await expect(progress.getByRole('button', { name: 'Cancel upload' })).toBeInViewport();
  expect(await heightOf(bar)).toBeLessThanOrEqual(120);
  await saveScreenshot(page, 'upload-in-progress');

  await progress.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Upload cancelled' })).toBeVisible();
  expect((await request.delete(`${EMULATOR_HOOKS}/__emulator/faults`)).ok()).toBe(true);
});

test('a failed save’s notification shows its buttons whole', async ({ page, request }) => {
  await openEditor(page, AGENT);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Saved from a phone');
  await injectFault(request, { status: 500 });
  await page.getByRole('button', { name: 'Save changes' }).click();
  const toast = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry', exact: true }) });
  await expect(toast).toBeVisible();
  await expectWithinWidth(page, toast);
  const buttons = toast.getByRole('button');
  expect(await buttons.count()).toBeGreaterThanOrEqual(2); // Retry and the close button
  for (const button of await buttons.all()) await expectWithinWidth(page, button);
  await saveScreenshot(page, 'save-failed');
});
