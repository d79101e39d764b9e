import { EMULATOR_HOOKS, expect, fetchAgent, openEditor, test } from './fixtures';

/**
 * The History tab against the emulator: versions recorded by a colleague and by two saves in the
 * editor, what each changed in words, and a restore of the oldest version. Agent 101 is the
 * Vapi demo agent; the seed records one version of it.
 */

const AGENT = 101;

test('History lists who changed what, and restoring the first version brings its description and variables back', async ({ page, request }) => {
  const original = await fetchAgent(request, AGENT);
  expect(original.dynamic_variables.length).toBeGreaterThan(0);
  // A colleague saves first (a version by Carl Colleague).
  const colleague = await request.post(`${EMULATOR_HOOKS}/__emulator/agents/${AGENT}/patch-as`, {
    data: { body: { description: 'Set by a colleague.' } },
  });
  expect(colleague.ok()).toBe(true);

  // Two saves through the editor.
  await openEditor(page, AGENT, 'general');
  const save = page.getByRole('button', { name: 'Save changes' });
  await page.getByRole('textbox', { name: 'Description' }).fill('Set in the editor.');
  await save.click();
  await expect(save).toBeDisabled();
  await page.getByRole('tab', { name: /^Dynamic variables/ }).click();
  await page.getByRole('button', { name: 'Add variable' }).click();
  await page.getByRole('group', { name: 'New variable' }).getByRole('textbox', { name: 'Name' }).fill('history_var');
  await page.getByRole('group', { name: 'history_var' }).getByRole('textbox', { name: 'Description' }).fill('Added for the history.');
  await save.click();
  await expect(save).toBeDisabled();

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT}/history$`));
  const table = page.getByRole('table', { name: 'Versions' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('Version 4');
  await expect(rows.nth(1)).toContainText('Demo User');
  await expect(rows.nth(1)).toContainText('Changed');
  await expect(rows.nth(2)).toContainText('Demo User');
  await expect(rows.nth(3)).toContainText('Carl Colleague');
  await expect(rows.nth(4)).toContainText('Version 1');
  await expect(rows.nth(4)).toContainText('Created');
  await expect(page.getByText(/The API does not version telephony, provider, webhook, who speaks first or secrets/)).toBeVisible();

  await table.getByRole('button', { name: 'Version 4' }).click();
  await expect(page.getByRole('list', { name: 'What Version 4 changed' })).toContainText('added “history_var”');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('list', { name: 'What Version 3 changed' })).toContainText(
    'Description: from “Set by a colleague.” to “Set in the editor.”',
  );
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(/Changed by Carl Colleague/)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(/This is the first recorded version/)).toBeVisible();

  await page.getByRole('button', { name: 'Restore this version' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore Version 1?' });
  const changes = dialog.getByRole('list', { name: 'What restoring Version 1 changes' });
  // Long texts are shortened to their first 80 characters.
  const text = original.description as string;
  await expect(changes).toContainText(`Description: from “Set in the editor.” to “${text.length > 80 ? `${text.slice(0, 80)}…` : text}”`);
  await expect(changes).toContainText('removed “history_var”');
  const restored = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/aiagents/${AGENT}/restore/`));
  await dialog.getByRole('button', { name: 'Restore' }).click();
  expect((await restored).status()).toBe(200);
  await expect(dialog).toBeHidden();

  // The server has the first version's description and variables back …
  const after = await fetchAgent(request, AGENT);
  expect(after.description).toBe(original.description);
  expect(after.dynamic_variables).toEqual(original.dynamic_variables);
  // … the restore is a version of its own …
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(1)).toContainText('Version 5');
  // … and the form shows it, with nothing to save.
  await page.getByRole('tab', { name: /^General/ }).click();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(original.description as string);
  await expect(save).toBeDisabled();
  await page.getByRole('tab', { name: /^Dynamic variables/ }).click();
  await expect(page.getByRole('group', { name: 'history_var' })).toHaveCount(0);
});

test('restoring with unsaved edits asks to discard them first', async ({ page }) => {
  await openEditor(page, AGENT, 'general');
  await page.getByRole('textbox', { name: 'Name' }).fill('An unsaved name');
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('table', { name: 'Versions' }).getByRole('button', { name: 'Version 1' }).click();
  await page.getByRole('button', { name: 'Restore this version' }).click();
  const dialog = page.getByRole('dialog', { name: 'You have unsaved changes' });
  await expect(dialog).toContainText('To keep them, cancel and save them first');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: /^General/ }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('An unsaved name');
});

test('the History tab offers Undo last save until the next save, and it puts the agent back', async ({ page, request }) => {
  const original = await fetchAgent(request, AGENT);
  await openEditor(page, AGENT, 'general');
  const save = page.getByRole('button', { name: 'Save changes' });
  await page.getByRole('textbox', { name: 'Description' }).fill('Changed, then undone from History.');
  await save.click();
  // Saving disables the button too: the save has gone through once the bar says so.
  await expect(page.getByText('No unsaved changes.')).toBeVisible();
  await expect(save).toBeDisabled();
  expect((await fetchAgent(request, AGENT)).description).toBe('Changed, then undone from History.');

  await page.getByRole('tab', { name: 'History' }).click();
  const undo = page.getByRole('button', { name: 'Undo last save' });
  await expect(undo).toBeVisible();
  await undo.click();
  await expect.poll(async () => (await fetchAgent(request, AGENT)).description).toBe(original.description);
  await expect(undo).toBeHidden();
  await page.getByRole('tab', { name: /^General/ }).click();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(String(original.description));
});
