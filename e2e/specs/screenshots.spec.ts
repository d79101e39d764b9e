import { EMULATOR_HOOKS, expect, fetchAgent, holdNextPatch, signIn, test } from './fixtures';
import { saveScreenshot, visitEditorTabs } from './save-screenshot';

/**
 * Screenshots for a reviewer (`test-results/screenshots/`, not committed) at desktop size: the
 * list, each editor tab, the review and an upload in progress. The phone's are taken by
 * `phone.spec.ts`. Each shot asserts what it shows first.
 */

const AGENT = 101;

test('the list, each editor tab, the review and an upload in progress', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  await page.goto('/agents');
  await signIn(page);
  const link = page.getByRole('table', { name: 'Agents' }).getByRole('link', { name: agent.name });
  await expect(link).toBeVisible();
  await saveScreenshot(page, 'agents-list');

  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: agent.name })).toBeVisible();
  await visitEditorTabs(page, AGENT, (slug) => saveScreenshot(page, `editor-${slug}`));

  await page.getByRole('tab', { name: /^Knowledge base/ }).click();
  await page.getByLabel('Choose knowledge-base files').setInputFiles([{ name: 'screenshot-notes.md', mimeType: 'text/markdown', buffer: Buffer.alloc(300 * 1024, 'a') }]);
  await expect(page.getByRole('table', { name: 'Files to upload' })).toContainText('To upload');
  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  await expect(review.getByRole('table', { name: 'Changes' })).toBeVisible();
  await saveScreenshot(page, 'review');
  await page.keyboard.press('Escape');
  await expect(review).toHaveCount(0);

  // The PATCH gets no answer until the fault is cleared: the upload stays in flight to look at.
  await holdNextPatch(request);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Save changes' }).click();
  const progress = page.getByRole('region', { name: 'Save' }).getByRole('region', { name: 'Upload progress' });
  await expect(progress).toContainText(/Uploading 1 file: \d+% \(.+ of 300 KB\)/);
  await expect(progress.getByRole('button', { name: 'Cancel upload' })).toBeInViewport();
  await saveScreenshot(page, 'upload-in-progress');
  await progress.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Upload cancelled' })).toBeVisible();
  expect((await request.delete(`${EMULATOR_HOOKS}/__emulator/faults`)).ok()).toBe(true);
});
