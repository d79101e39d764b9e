import type { Page } from '@playwright/test';
import { expect, fetchAgent, recordPatches, signIn, test } from './fixtures';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search agents and commands' });

/** Ctrl+K, type `query`, wait until `row` is the marked row, then Enter. */
async function jump(page: Page, query: string, row: RegExp) {
  await page.keyboard.press('Control+K');
  await expect(palette(page).getByRole('textbox')).toBeFocused();
  await page.keyboard.type(query);
  await expect(palette(page).getByRole('button', { name: row })).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
}

test('the command palette, by keyboard alone: open an agent, switch tab, save, close', async ({ page, request }) => {
  const agent = await fetchAgent(request, 104);
  const part = agent.name.split(' ').slice(0, 2).join(' ');
  await page.goto('/agents');
  await signIn(page);
  const launcher = page.getByRole('button', { name: 'Search agents and commands' });
  await expect(launcher).toContainText('Ctrl K');

  await jump(page, part, new RegExp(`^${agent.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(page).toHaveURL(/\/agents\/104\/general$/);
  await expect(page.getByRole('heading', { level: 1, name: agent.name })).toBeVisible();

  await jump(page, 'Telephony', /^Telephony/);
  await expect(page).toHaveURL(/\/agents\/104\/telephony$/);
  await expect(page.getByRole('tab', { name: /^Telephony/ })).toHaveAttribute('aria-selected', 'true');

  // An edit, then Save from the palette: the same minimal PATCH as the Save changes button.
  const phone = page.getByRole('textbox', { name: 'Phone number' });
  await phone.fill('+14155550199');
  const patches = recordPatches(page);
  await jump(page, 'Save', /^Save changes/);
  await expect(page.getByText('No unsaved changes.')).toBeVisible();
  expect(patches.map((p) => p.postDataJSON() as unknown)).toEqual([{ telephony: { phone_number: '+14155550199' } }]);
  expect((await fetchAgent(request, 104)).telephony.phone_number).toBe('+14155550199');

  // Escape closes it and focus goes back where it was.
  await phone.focus();
  await page.keyboard.press('Control+K');
  await expect(palette(page)).toBeVisible();
  await expect(palette(page).getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(phone).toBeFocused();
});
