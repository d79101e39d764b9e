import { expect, fetchAgent, nextPatchBody, openEditor, recordPatches, test } from './fixtures';

/**
 * One edit per section of the editor, each asserting the exact minimal PATCH body: changed
 * scalars only, nested objects as their changed leaves inside their parents, write-only fields
 * only when typed. Agent 101 is the Vapi demo agent.
 */

const AGENT = 101;

test.describe('each section sends only what changed', () => {
  test('General: language, who speaks first and email, nothing else', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    expect(agent.agent_speaks_first).toBe(true);
    await openEditor(page, AGENT, 'general');

    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'French', exact: true }).click();
    await page.getByRole('radio', { name: 'Auto-detect' }).check();
    await page.getByRole('textbox', { name: 'Email' }).fill('ava@acme-internet.example');
    await expect(page.getByRole('tab', { name: /^General.*\(unsaved changes\)/ })).toBeVisible();

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({ language: 'fr', agent_speaks_first: null, email_id: 'ava@acme-internet.example' });
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  test('Telephony: a phone number is sent inside telephony, alone', async ({ page }) => {
    await openEditor(page, AGENT, 'telephony');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('+14155550199');
    await expect(page.getByRole('tab', { name: /^Telephony.*\(unsaved changes\)/ })).toBeVisible();
    await expect(page.getByRole('tab', { name: /^General/ })).not.toHaveAccessibleName(/unsaved changes/);

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({ telephony: { phone_number: '+14155550199' } });
  });

  test('Telephony: adding an outbound number sends the whole list of numbers', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    const numbers = agent.telephony.outbound_numbers as string[];
    expect(numbers.length).toBeGreaterThan(0);
    await openEditor(page, AGENT, 'telephony');

    const group = page.getByRole('group', { name: 'Outbound numbers' });
    await group.getByRole('button', { name: 'Add outbound number' }).click();
    await group.getByRole('textbox', { name: `Outbound number ${numbers.length + 1}` }).fill('+14155550177');

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({ telephony: { outbound_numbers: [...numbers, '+14155550177'] } });
  });

  test('Provider: a config field is sent as its leaf inside provider.credentials.config', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    expect(agent.provider.type).toBe('vapi');
    await openEditor(page, AGENT, 'provider');

    const triggerUrl = page.getByRole('textbox', { name: 'Trigger URL' });
    await expect(triggerUrl).toHaveValue(String(agent.provider.credentials.config.trigger_url));
    await triggerUrl.fill('https://hooks.acme-internet.example/vapi/trigger-v2');

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({
      provider: { credentials: { config: { trigger_url: 'https://hooks.acme-internet.example/vapi/trigger-v2' } } },
    });
  });

  test('Provider: a typed API key and an automation setting; the key is not echoed after saving', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    expect(agent.provider.auto_sync_prompt).toBe(false);
    await openEditor(page, AGENT, 'provider');

    await page.getByRole('button', { name: 'Replace API key' }).click();
    const apiKey = page.getByLabel('API key', { exact: true });
    await expect(apiKey).toHaveValue('');
    await apiKey.fill('vapi-sk-rotated-0001');
    await page.getByRole('combobox', { name: 'Auto-sync prompt' }).click();
    await page.getByRole('option', { name: 'On', exact: true }).click();

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({ provider: { credentials: { api_key: 'vapi-sk-rotated-0001' }, auto_sync_prompt: true } });
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await expect(apiKey).toHaveValue('');
    await expect(page.getByRole('combobox', { name: 'Auto-sync prompt' })).toHaveValue('On');
  });

  test('Webhook: a typed secret is sent alone and the field is empty again after saving', async ({ page }) => {
    await openEditor(page, AGENT, 'webhook');
    await page.getByRole('button', { name: 'Replace Webhook secret' }).click();
    const secret = page.getByLabel('Webhook secret', { exact: true });
    await expect(secret).toHaveValue('');
    await secret.fill('whsec-new-0042');
    await expect(page.getByRole('tab', { name: /^Webhook.*\(unsaved changes\)/ })).toBeVisible();

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({ webhook_secret: 'whsec-new-0042' });
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await expect(secret).toHaveValue('');
    await expect(page.getByText('A webhook secret is configured')).toBeVisible();
  });

  test('Webhook: the URL is sent alone', async ({ page }) => {
    await openEditor(page, AGENT, 'webhook');
    await page.getByRole('textbox', { name: 'Webhook URL' }).fill('https://hooks.acme-internet.example/cekura/v2');

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({ webhook_url: 'https://hooks.acme-internet.example/cekura/v2' });
  });
});

test('a value typed back to the saved one is no change: Save stays disabled and nothing is sent', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  const patches = recordPatches(page);
  await openEditor(page, AGENT, 'telephony');
  const save = page.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeDisabled();

  const phone = page.getByRole('textbox', { name: 'Phone number' });
  await phone.fill('+14155550111');
  await expect(save).toBeEnabled();
  await phone.fill(agent.telephony.phone_number);
  await expect(save).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled();
  await expect(page.getByRole('tab', { name: /^Telephony/ })).not.toHaveAccessibleName(/unsaved changes/);
  await expect(page.getByText('No unsaved changes.')).toBeVisible();

  // The shortcut does not send an empty PATCH either.
  await page.keyboard.press('Control+s');

  // The first request sent afterwards is a real edit's, so nothing went out before it.
  await page.getByRole('tab', { name: /^General/ }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Acme Support — Tier 1 (typed back)');
  const body = nextPatchBody(page);
  await save.click();
  expect(await body).toEqual({ name: 'Acme Support — Tier 1 (typed back)' });
  expect(patches).toHaveLength(1);
});

test('Ctrl+S saves from inside a field', async ({ page }) => {
  await openEditor(page, AGENT, 'general');
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('A shorter prompt.');

  const body = nextPatchBody(page);
  await description.press('Control+s');
  expect(await body).toEqual({ description: 'A shorter prompt.' });
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});

test('after a save, a reload shows the saved values, and the server merged only the changed leaf', async ({ page, request }) => {
  const before = await fetchAgent(request, AGENT);
  await openEditor(page, AGENT, 'telephony');
  await page.getByRole('textbox', { name: 'Phone number' }).fill('+14155550188');
  const response = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect((await response).status()).toBe(200);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  await page.reload();
  // Still signed in: the key is kept in the tab's sessionStorage.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT}/telephony$`));
  await expect(page.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+14155550188');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  const after = await fetchAgent(request, AGENT);
  expect(after.telephony).toEqual({ ...before.telephony, phone_number: '+14155550188' });
  expect(after.provider).toEqual(before.provider);
  expect(after.mock_tools).toEqual(before.mock_tools);
  expect(after.dynamic_variables).toEqual(before.dynamic_variables);
});
