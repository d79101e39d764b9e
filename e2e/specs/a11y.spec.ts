import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

test('the sign-in screen, the agents list and the editor have no serious axe violations', async ({ page }) => {
  await page.goto('/agents');
  await expect(page.getByLabel('API key')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/sign-in.png' });

  await signIn(page);
  await expect(page.getByRole('table', { name: 'Agents' }).getByRole('link').first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/agents-list.png', fullPage: true });

  await page.getByRole('table', { name: 'Agents' }).getByRole('link').first().click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/agent-editor.png' });
});

test('the sign-in error state has no serious axe violations', async ({ page }) => {
  await page.goto('/agents');
  await page.getByLabel('API key').fill('not-a-key');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That API key was not accepted')).toBeVisible();
  await expectNoSeriousViolations(page);
});
