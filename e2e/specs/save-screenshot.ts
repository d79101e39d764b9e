import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Saves a screenshot for a reviewer to look at, as `test-results/screenshots/<project>-<name>.png`
 * (the run's output folder: not committed, replaced by the next run). Assert what it should
 * show before taking it, so the test fails rather than saving a picture of the wrong page.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const info = test.info();
  await page.screenshot({
    path: path.join(info.project.outputDir, 'screenshots', `${info.project.name}-${name}.png`),
    animations: 'disabled',
  });
}

/** The editor's tabs in order: the tab's name, its path segment, and something its panel shows once ready. */
export const EDITOR_TABS: readonly { name: string; slug: string; ready: (page: Page) => Locator }[] = [
  { name: 'General', slug: 'general', ready: (page) => page.getByRole('textbox', { name: 'Name', exact: true }) },
  { name: 'Telephony', slug: 'telephony', ready: (page) => page.getByRole('textbox', { name: 'Phone number' }) },
  { name: 'Provider', slug: 'provider', ready: (page) => page.getByRole('tabpanel', { name: /^Provider/ }) },
  { name: 'Knowledge base', slug: 'knowledge-base', ready: (page) => page.getByRole('button', { name: 'Drop knowledge-base files here or browse' }) },
  { name: 'Mock tools', slug: 'mock-tools', ready: (page) => page.getByRole('tabpanel', { name: /^Mock tools/ }) },
  { name: 'Dynamic variables', slug: 'dynamic-variables', ready: (page) => page.getByRole('tabpanel', { name: /^Dynamic variables/ }) },
  { name: 'Webhook', slug: 'webhook', ready: (page) => page.getByRole('tabpanel', { name: /^Webhook/ }) },
  { name: 'History', slug: 'history', ready: (page) => page.getByRole('table', { name: 'Versions' }) },
];

/** Opens each tab of the editor already open by clicking it, waits until it shows, then runs `check`. */
export async function visitEditorTabs(page: Page, agentId: number, check: (slug: string) => Promise<void>): Promise<void> {
  for (const tab of EDITOR_TABS) {
    await page.getByRole('tab', { name: new RegExp(`^${tab.name}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/agents/${agentId}/${tab.slug}$`));
    await expect(tab.ready(page)).toBeVisible();
    await check(tab.slug);
  }
}
