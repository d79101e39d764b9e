import { expect, fetchAgent, nextPatchBody, openEditor, test } from './fixtures';

/** Reviewing before saving, and never losing edits: the leave guard and drafts across reloads. */

const AGENT = 101;
const DRAFT_KEY = `cekura-agent-draft:${AGENT}`;

test('Review changes shows each change old → new and the exact JSON body, secrets masked', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  await openEditor(page, AGENT, 'general');
  await page.getByRole('textbox', { name: 'Name' }).fill('Acme Support — Tier 2');
  await page.getByRole('tab', { name: /^Telephony/ }).click();
  await page.getByRole('textbox', { name: 'Phone number' }).fill('+14155550177');
  await page.getByRole('tab', { name: /^Webhook/ }).click();
  await page.getByRole('button', { name: 'Replace Webhook secret' }).click();
  await page.getByLabel('Webhook secret', { exact: true }).fill('review-secret-123');

  await page.getByRole('button', { name: 'Review changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review changes' });
  await expect(dialog).toBeVisible();

  const changes = dialog.getByRole('table', { name: 'Changes' });
  const row = (field: string) => changes.getByRole('row').filter({ has: page.getByRole('cell', { name: field, exact: true }) });
  await expect(row('Name').getByRole('cell')).toHaveText(['Name', `“${agent.name}”`, '“Acme Support — Tier 2”']);
  await expect(row('Phone number').getByRole('cell')).toHaveText([
    'Phone number',
    `“${agent.telephony.phone_number}”`,
    '“+14155550177”',
  ]);
  const secretWas = agent.webhook_secret_configured === true;
  await expect(row('Webhook secret').getByRole('cell')).toHaveText(['Webhook secret', secretWas ? 'Set' : 'Not set', secretWas ? 'Replaced' : 'Set']);
  await expect(changes.getByRole('row')).toHaveCount(4); // the header and three changes
  await expect(dialog).not.toContainText('review-secret-123');

  await dialog.getByRole('button', { name: /PATCH body/ }).click();
  const shown = JSON.parse((await dialog.getByLabel('Request body').textContent()) ?? '') as unknown;
  expect(shown).toEqual({
    name: 'Acme Support — Tier 2',
    telephony: { phone_number: '+14155550177' },
    webhook_secret: '•••••• (hidden)',
  });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({
    name: 'Acme Support — Tier 2',
    telephony: { phone_number: '+14155550177' },
    webhook_secret: 'review-secret-123',
  });
});

test('leaving with unsaved changes asks first; staying keeps the edits, leaving goes', async ({ page }) => {
  await openEditor(page, AGENT, 'general');
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Not saved yet');

  // Another tab of the same agent is not leaving.
  await page.getByRole('tab', { name: /^Telephony/ }).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT}/telephony$`));
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('tab', { name: /^General/ }).click();

  const breadcrumb = page.getByRole('link', { name: 'Agents', exact: true });
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await breadcrumb.click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT}/general$`));
  await expect(name).toHaveValue('Not saved yet');

  await breadcrumb.click();
  await ask.getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page).toHaveURL(/\/agents$/);
  await expect(page.getByRole('table', { name: 'Agents' })).toBeVisible();
});

test('after "Leave and discard" the agent opens as saved, with nothing restored', async ({ page, request }) => {
  // The sessionStorage draft must not survive "Leave and discard" (it once did).
  const agent = await fetchAgent(request, AGENT);
  await openEditor(page, AGENT, 'general');
  await page.getByRole('textbox', { name: 'Name' }).fill('Not saved yet');
  await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY)).toContain('Not saved yet');

  await page.getByRole('link', { name: 'Agents', exact: true }).click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave and discard' }).click();
  await page.getByRole('table', { name: 'Agents' }).getByRole('link', { name: agent.name }).click();

  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(agent.name, { timeout: 2_000 });
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await expect(page.getByText('Unsaved changes restored')).toHaveCount(0);
});

test('a reload with unsaved changes restores them after signing in again; secrets are not kept', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept()); // the browser's "leave site?" prompt
  await openEditor(page, AGENT, 'general');
  await page.getByRole('textbox', { name: 'Name' }).fill('Restored after reload');
  await page.getByRole('tab', { name: /^Telephony/ }).click();
  await page.getByRole('textbox', { name: 'Phone number' }).fill('+14155550155');
  await page.getByRole('tab', { name: /^Webhook/ }).click();
  await page.getByRole('button', { name: 'Replace Webhook secret' }).click();
  await page.getByLabel('Webhook secret', { exact: true }).fill('never-stored-secret');

  // The draft is written shortly after the last edit.
  await expect
    .poll(() => page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY))
    .toContain('+14155550155');
  expect(await page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY)).not.toContain('never-stored-secret');

  await page.reload();
  // Still signed in: the key is kept in the tab's sessionStorage.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT}/webhook$`));
  await expect(page.getByText('Unsaved changes restored')).toBeVisible();
  await page.getByRole('button', { name: 'Replace Webhook secret' }).click();
  await expect(page.getByLabel('Webhook secret', { exact: true })).toHaveValue('');
  await expect(page.getByRole('tab', { name: /^General.*\(unsaved changes\)/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Telephony.*\(unsaved changes\)/ })).toBeVisible();

  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({ name: 'Restored after reload', telephony: { phone_number: '+14155550155' } });
  await expect(page.getByRole('heading', { level: 1, name: 'Restored after reload' })).toBeVisible();
  // Once saved, there is no draft left to restore.
  await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY)).toBeNull();
});

test('Discard changes returns to the agent as loaded', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  await openEditor(page, AGENT, 'telephony');
  const phone = page.getByRole('textbox', { name: 'Phone number' });
  await phone.fill('+14155550144');
  await page.getByRole('switch', { name: 'Inbound' }).click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  // It asks first: Keep editing keeps every edit.
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Keep editing' }).click();
  await expect(phone).toHaveValue('+14155550144');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(phone).toHaveValue(agent.telephony.phone_number);
  await expect(page.getByRole('switch', { name: 'Inbound' })).toBeChecked({ checked: agent.telephony.inbound === true });
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});
