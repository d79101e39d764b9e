import { expect, fetchAgent, injectFault, nextPatchBody, openEditor, recordPatches, test } from './fixtures';

/**
 * Errors land where the user can fix them: client validation and server 400s at their field
 * (nested and indexed paths included), other failures in a notification with Retry; no edit is
 * lost and nothing is sent twice.
 */

const AGENT = 101;

test('a client validation error shows at its field, marks the tab and sends nothing', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  const patches = recordPatches(page);
  await openEditor(page, AGENT, 'telephony');

  const phone = page.getByRole('textbox', { name: 'Phone number' });
  await phone.fill('415-555-0101');
  // Saving from another tab opens the tab of the field in error.
  await page.getByRole('tab', { name: /^General/ }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT}/telephony$`));
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/Use E\.164 format/);
  await expect(page.getByRole('tab', { name: /^Telephony.*\(has errors\)/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^General/ })).not.toHaveAccessibleName(/has errors/);
  await page.keyboard.press('Control+s');

  // Fixing it clears the mark; the save that follows is the first request sent.
  await phone.fill('+14155550166');
  await expect(page.getByRole('tab', { name: /^Telephony/ })).not.toHaveAccessibleName(/has errors/);
  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({ telephony: { phone_number: '+14155550166' } });
  expect(patches).toHaveLength(1);
  expect((await fetchAgent(request, AGENT)).telephony.outbound_numbers).toEqual(agent.telephony.outbound_numbers);
});

test('a server 400 with a nested error shows at the SIP URI field and keeps the edit', async ({ page, request }) => {
  await injectFault(request, { status: 400, body: { telephony: { sip_uri: ['Enter a valid SIP URI.'] } } });
  await openEditor(page, AGENT, 'telephony');

  const sipUri = page.getByRole('textbox', { name: 'SIP URI' });
  await sipUri.fill('sip:ava@acme-internet.example');
  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({ telephony: { sip_uri: 'sip:ava@acme-internet.example' } });

  await expect(sipUri).toHaveAccessibleDescription(/Enter a valid SIP URI\./);
  await expect(sipUri).toHaveAttribute('aria-invalid', 'true');
  await expect(sipUri).toHaveValue('sip:ava@acme-internet.example');
  await expect(page.getByRole('tab', { name: /^Telephony.*\(has errors\)/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeEnabled();
});

test('a server 400 at an indexed mock tool path shows on that tool; non_field_errors in an alert', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  const second = agent.mock_tools[1];
  if (!second) throw new Error('the seed agent needs mock tools');
  await injectFault(request, {
    status: 400,
    body: { mock_tools: [{}, { name: ['A tool with this name already exists.'] }], non_field_errors: ['Check the mock tools.'] },
  });
  await openEditor(page, AGENT, 'general');
  await page.getByRole('textbox', { name: 'Name' }).fill('Acme Support — Tier 1 (renamed)');
  await page.getByRole('tab', { name: /^Mock tools/ }).click();
  await page.getByRole('group', { name: second.name }).getByRole('textbox', { name: 'Name' }).fill('lookup_customer_2');

  await page.getByRole('button', { name: 'Save changes' }).click();
  const name = page.getByRole('group', { name: 'lookup_customer_2' }).getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveAccessibleDescription(/A tool with this name already exists\./);
  await expect(page.getByRole('alert').filter({ hasText: 'The agent was not saved' })).toContainText('Check the mock tools.');
  await expect(page.getByRole('tab', { name: /^Mock tools.*\(has errors\)/ })).toBeVisible();
});

test('a 500 keeps the edits; Retry sends the same body exactly once more', async ({ page, request }) => {
  const patches = recordPatches(page);
  await injectFault(request, { status: 500, body: { detail: 'Server error.' } });
  await openEditor(page, AGENT, 'webhook');
  await page.getByRole('textbox', { name: 'Webhook URL' }).fill('https://hooks.acme-internet.example/retry');
  await page.getByRole('button', { name: 'Replace Webhook secret' }).click();
  await page.getByLabel('Webhook secret', { exact: true }).fill('retry-secret');

  const failed = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await failed).status()).toBe(500);

  const retry = page.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();
  await expect(page.getByText('Could not save the agent')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Webhook URL' })).toHaveValue('https://hooks.acme-internet.example/retry');
  await expect(page.getByLabel('Webhook secret', { exact: true })).toHaveValue('retry-secret');
  expect(patches).toHaveLength(1);

  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await retry.click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await expect(retry).toBeHidden();

  const expected = { webhook_url: 'https://hooks.acme-internet.example/retry', webhook_secret: 'retry-secret' };
  expect(patches).toHaveLength(2);
  expect(patches.map((p) => p.postDataJSON() as unknown)).toEqual([expected, expected]);
});

test('a double click on Save sends one request', async ({ page, request }) => {
  const patches = recordPatches(page);
  // Slow the save down so the second click lands while the first is in flight.
  await injectFault(request, { delayMs: 800 });
  await openEditor(page, AGENT, 'general');
  await page.getByRole('textbox', { name: 'Name' }).fill('Saved once');

  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).dblclick();
  await page.keyboard.press('Control+s');
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Saved once' })).toBeVisible();
  expect(patches).toHaveLength(1);
});
