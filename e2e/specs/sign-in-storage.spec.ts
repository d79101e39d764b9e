import { expect, signIn, test } from './fixtures';

const SESSION_KEY = 'cekura.apiKey';
const LOCAL_KEY = 'cekura.rememberedApiKey';
const TWELVE_HOURS = 12 * 60 * 60 * 1000;

test('without "Remember me" the key is kept in this tab only, and a reload stays signed in', async ({ page, context }) => {
  await page.goto('/agents');
  await expect(page.getByText(/kept in this tab only \(session storage\)/)).toBeVisible();
  await signIn(page);
  const stored = await page.evaluate(
    ([s, l]) => ({ session: sessionStorage.getItem(s), local: localStorage.getItem(l), localKeys: Object.keys(localStorage), cookie: document.cookie }),
    [SESSION_KEY, LOCAL_KEY] as const,
  );
  expect(stored).toEqual({ session: 'cekura-demo-key', local: null, localKeys: [], cookie: '' });

  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Agents' })).toBeVisible();

  // Another tab does not share a tab's key.
  const other = await context.newPage();
  await other.goto('/agents');
  await expect(other.getByLabel('API key')).toBeVisible();
});

test('with "Remember me" the key is in localStorage with an expiry of 12 hours at most, and new tabs start signed in', async ({ page, context }) => {
  await page.goto('/agents');
  const before = await page.evaluate(() => Date.now());
  await signIn(page, undefined, { remember: true });
  const stored = await page.evaluate(([s, l]) => ({ session: sessionStorage.getItem(s), local: localStorage.getItem(l) }), [SESSION_KEY, LOCAL_KEY] as const);
  expect(stored.session).toBeNull();
  const remembered = JSON.parse(stored.local ?? 'null') as { apiKey: string; expiresAt: number };
  expect(remembered.apiKey).toBe('cekura-demo-key');
  expect(remembered.expiresAt).toBeGreaterThan(before);
  expect(remembered.expiresAt).toBeLessThanOrEqual(before + TWELVE_HOURS + 60_000);

  const other = await context.newPage();
  await other.goto('/agents');
  await expect(other.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('Sign out in one tab signs out the other open tabs and clears both storages', async ({ page, context }) => {
  await page.goto('/agents');
  await signIn(page, undefined, { remember: true });
  const other = await context.newPage();
  await other.goto('/agents');
  await expect(other.getByRole('heading', { name: 'Agents' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('API key')).toBeVisible();
  await expect(other.getByLabel('API key')).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Agents' })).toHaveCount(0);
  for (const tab of [page, other]) {
    expect(await tab.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }))).toEqual({ session: 0, local: 0 });
  }
  await other.reload();
  await expect(other.getByLabel('API key')).toBeVisible();
});
