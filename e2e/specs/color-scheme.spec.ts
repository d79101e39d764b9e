import { expect, signIn, test } from './fixtures';

test('the scheme follows the system until the header toggle picks one, which holds after a reload', async ({ page }) => {
  const html = page.locator('html');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/agents');
  await signIn(page);
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  const toDark = page.getByRole('button', { name: 'Switch to dark mode' });
  await toDark.click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  const toLight = page.getByRole('button', { name: 'Switch to light mode' });
  await expect(toLight).toBeVisible();
  // The page really is dark, not only marked so.
  const background = () => page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  const dark = await background();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(toLight).toBeVisible();
  expect(await background()).toBe(dark);

  await toLight.click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await expect.poll(background).not.toBe(dark);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Switch to dark mode' })).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});
