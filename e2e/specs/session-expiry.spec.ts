import { expect, signIn, test } from './fixtures';

test('a key rejected while saving asks to sign in again, keeps the edits and retries the save', async ({ page, request }) => {
  await page.goto('/agents');
  await signIn(page);
  await page.getByRole('table', { name: 'Agents' }).getByRole('link').first().click();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Edited before the key expired');

  const fault = await request.post('/__emulator/faults', {
    data: { method: 'PATCH', pathPrefix: '/test_framework/v2/aiagents/', status: 401, times: 1, body: { detail: 'Invalid API key.' } },
  });
  expect(fault.ok()).toBe(true);
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('heading', { name: 'Sign in again' })).toBeVisible();
  // The modal sits over the page: the edit is still there, and signing in retries the same save.
  await expect(name).toHaveValue('Edited before the key expired');
  const patch = page.waitForRequest((r) => r.method() === 'PATCH');
  await signIn(page);
  expect((await patch).postDataJSON()).toEqual({ name: 'Edited before the key expired' });
  await expect(page.getByRole('heading', { level: 1, name: 'Edited before the key expired' })).toBeVisible();
});
