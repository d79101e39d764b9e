import { expect, fetchAgent, openEditor, signIn, test } from './fixtures';

/** Where focus lands, what the tab's title says, and that toasts leave the header usable. */

const AGENT = 101;

test('titles name the page, and focus starts at the page heading after sign-in and on opening an agent', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  await page.goto('/agents');
  await expect(page).toHaveTitle('Sign in · Cekura agents');
  await signIn(page);
  await expect(page).toHaveTitle('Agents · Cekura agents');
  await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeFocused();

  await page.goto(`/agents/${AGENT}/telephony`);
  await expect(page).toHaveTitle(`${agent.name} · Telephony · Cekura agents`);
  await expect(page.getByRole('heading', { level: 1, name: agent.name })).toBeFocused();
  await page.getByRole('tab', { name: /^Webhook/ }).click();
  await expect(page).toHaveTitle(`${agent.name} · Webhook · Cekura agents`);
});

test('“Skip to main content” comes first, shows when focused, and moves focus to the main content', async ({ page }) => {
  await openEditor(page, AGENT);
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  const first = await page.evaluate(() => document.querySelector<HTMLElement>('a[href], button, input, [tabindex="0"]')?.textContent);
  expect(first).toBe('Skip to main content');
  await expect(skip).not.toBeInViewport();
  await skip.focus();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('closing the review returns focus to Review changes', async ({ page }) => {
  await openEditor(page, AGENT);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Focus check');
  const review = page.getByRole('button', { name: 'Review changes' });
  await review.click();
  await expect(page.getByRole('dialog', { name: 'Review changes' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Review changes' })).toHaveCount(0);
  await expect(review).toBeFocused();
});

test('a save’s toast sits below the header and a second save replaces the first', async ({ page }) => {
  await openEditor(page, AGENT);
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('First save');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const toast = page.getByRole('alert').filter({ hasText: 'Changes saved' });
  await expect(toast).toHaveCount(1);
  const box = await toast.boundingBox();
  expect(box?.y ?? 0).toBeGreaterThanOrEqual(60);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await name.fill('Second save');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Second save' })).toBeVisible();
  await expect(toast).toHaveCount(1);
});

test('Escape in the leave guard keeps the user on the editor with the edit, and focus back on the link that opened it', async ({ page }) => {
  await openEditor(page, AGENT);
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Not leaving yet');
  const toList = page.getByRole('main').getByRole('link', { name: 'Agents', exact: true });
  await toList.click();
  const guard = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(guard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(guard).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT}/general$`));
  await expect(name).toHaveValue('Not leaving yet');
  await expect(toList).toBeFocused();
});

test('after a save focus returns to the field where Ctrl+S was pressed, or lands on the save bar’s status after Save changes', async ({ page }) => {
  await openEditor(page, AGENT);
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Saved with the keyboard');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { level: 1, name: 'Saved with the keyboard' })).toBeVisible();
  await expect(name).toBeFocused();

  await name.fill('Saved with the button');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saved with the button' })).toBeVisible();
  // Save changes is disabled once everything is saved: focus goes to the status beside it.
  await expect(page.getByRole('region', { name: 'Save' }).getByText('No unsaved changes.')).toBeFocused();
});
