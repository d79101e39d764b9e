import { API_HEADERS, expect, fetchAgent, nextPatchBody, openEditor, test } from './fixtures';

/** Huge values: a 100 KB description without whitespace is typed into, kept as a draft, restored and saved whole. */

const AGENT = 102;
const DRAFT_KEY = `cekura-agent-draft:${AGENT}`;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;-_';
const LONG = Array.from({ length: 100 * 1024 }, (_, i) => ALPHABET[(i * 7919) % ALPHABET.length]).join('');

test('a 100 KB description without whitespace: typed at its end, kept across a reload, saved whole', async ({ page, request }) => {
  const seeded = await request.patch(`/test_framework/v2/aiagents/${AGENT}/`, { headers: API_HEADERS, data: { description: LONG } });
  expect(seeded.ok()).toBe(true);
  page.on('dialog', (dialog) => void dialog.accept()); // the browser's "leave site?" prompt

  await openEditor(page, AGENT, 'general');
  const description = page.getByRole('textbox', { name: 'Description' });
  await expect(description).toHaveValue(LONG);
  await description.click();
  await description.press('Control+End');
  await page.keyboard.type('TAIL');
  await expect(page.getByText(/You have unsaved changes/)).toBeVisible();

  // The draft holds the whole text (and the agent it was made on) once typing pauses.
  const typedTail = `${LONG.slice(-40)}TAIL`;
  await expect.poll(() => page.evaluate(([key, tail]) => sessionStorage.getItem(key)?.includes(tail) ?? false, [DRAFT_KEY, typedTail] as const)).toBe(true);

  await page.reload();
  await expect(page.getByText('Unsaved changes restored')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(`${LONG}TAIL`);

  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({ description: `${LONG}TAIL` });
  expect((await fetchAgent(request, AGENT)).description).toBe(`${LONG}TAIL`);
  await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY)).toBeNull();
});
