import { expect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';

export const DEMO_API_KEY = 'cekura-demo-key';

/** Every test starts from the emulator's seed data, with no injected faults. */
export const test = base.extend<{ resetEmulator: undefined }>({
  resetEmulator: [
    async ({ request }, use) => {
      const response = await request.post('/__emulator/reset');
      expect(response.ok()).toBe(true);
      await use(undefined);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in on the sign-in screen shown in place of the current page. */
export async function signIn(page: Page, apiKey = DEMO_API_KEY): Promise<void> {
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
