import { expect, signIn, test } from './fixtures';

test('renaming an agent sends only the name and survives a reload', async ({ page }) => {
  await page.goto('/');
  await signIn(page);
  await expect(page).toHaveURL(/\/agents$/);

  const firstAgent = page.getByRole('table', { name: 'Agents' }).getByRole('link').first();
  await firstAgent.click();
  await expect(page).toHaveURL(/\/agents\/\d+\/general$/);
  const editorUrl = page.url();

  const name = page.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeVisible();
  const newName = `Renamed agent ${Date.now()}`;
  await name.fill(newName);

  const patchRequest = page.waitForRequest((request) => request.method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const request = await patchRequest;
  expect(request.postDataJSON()).toEqual({ name: newName });

  await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  // The key is kept in the tab's sessionStorage: a reload stays signed in, on the same page.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(page.url()).toBe(editorUrl);
  await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(newName);
});
