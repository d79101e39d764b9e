import type { Page } from '@playwright/test';
import { expect, fetchAgent, nextPatchBody, openEditor, recordPatches, test } from './fixtures';

/** The review in words (options, items, secrets), its body and its Save; the write-only control. */

const AGENT = 101; // Acme Support: Vapi, a webhook secret and a trigger secret configured

const reviewDialog = (page: Page) => page.getByRole('dialog', { name: 'Review changes' });

test('the review says changes in words, item by item; the body is collapsed to its size; Save changes sends one PATCH', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  const variable = agent.dynamic_variables[0];
  if (!variable) throw new Error('the seed agent has variables');
  const patches = recordPatches(page);

  await openEditor(page, AGENT, 'provider');
  await page.getByRole('combobox', { name: 'Chat agent type' }).click();
  await page.getByRole('option', { name: 'WhatsApp', exact: true }).click();
  await page.getByRole('tab', { name: /^Dynamic variables/ }).click();
  await page.getByRole('group', { name: variable.name }).getByRole('textbox', { name: 'Description' }).fill('Edited in the review test.');

  await page.getByRole('button', { name: 'Review changes' }).click();
  const dialog = reviewDialog(page);
  const changes = dialog.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row')).toHaveCount(3);
  await expect(changes.getByRole('row').nth(1).getByRole('cell')).toHaveText(['Chat agent type', 'Vapi', 'WhatsApp']);
  await expect(changes.getByRole('row').nth(2).getByRole('cell')).toHaveText([
    `Variable ${variable.name}: description`,
    `“${variable.description}”`,
    '“Edited in the review test.”',
  ]);

  // Collapsed: its size only; expanded, a scroll box holding the JSON.
  const toggle = dialog.getByRole('button', { name: /PATCH body · [\d.]+ (B|KB)/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog.getByLabel('Request body')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Copy' })).toBeVisible();
  await toggle.click();
  const shown = JSON.parse((await dialog.getByLabel('Request body').textContent()) ?? '') as { dynamic_variables: unknown[] };
  expect(shown.dynamic_variables).toHaveLength(agent.dynamic_variables.length);

  const body = nextPatchBody(page);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual(shown);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  expect(patches).toHaveLength(1);
  const saved = await fetchAgent(request, AGENT);
  expect(saved.dynamic_variables.find((v) => v.name === variable.name)?.description).toBe('Edited in the review test.');
});

test('Ctrl+S in the open review saves and closes it; the review fits a phone', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const patches = recordPatches(page);
  await openEditor(page, AGENT, 'telephony');
  await page.getByRole('switch', { name: 'Inbound' }).click({ force: true });
  await page.getByRole('button', { name: 'Review changes' }).click();
  const dialog = reviewDialog(page);
  await expect(dialog.getByRole('table', { name: 'Changes' }).getByRole('row').nth(1).getByRole('cell')).toHaveText(['Inbound', 'On', 'Off']);
  // Nothing wider than the phone.
  const box = await dialog.boundingBox();
  expect(box?.width ?? Infinity).toBeLessThanOrEqual(390);
  expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  const body = nextPatchBody(page);
  await page.keyboard.press('Control+s');
  expect(await body).toEqual({ telephony: { inbound: false } });
  await expect(dialog).toBeHidden();
  expect(patches).toHaveLength(1);
  expect((await fetchAgent(request, AGENT)).telephony.inbound).toBe(false);
});

test('write-only secrets: status shown, Replace then Save sends the secret, Keep current sends nothing', async ({ page, request }) => {
  const patches = recordPatches(page);
  await openEditor(page, AGENT, 'webhook');
  const input = page.getByLabel('Webhook secret', { exact: true });
  await expect(input).toHaveAccessibleDescription(/^Set/);
  await expect(input).toHaveValue('');
  await expect(input).toHaveAttribute('type', 'password');

  // Keep current: back to nothing to save.
  await page.getByRole('button', { name: 'Replace Webhook secret' }).click();
  await expect(input).toBeFocused();
  await input.fill('dropped-secret');
  await page.getByRole('button', { name: 'Keep current' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  await page.getByRole('button', { name: 'Replace Webhook secret' }).click();
  await expect(input).toHaveValue('');
  await input.fill('whsec-replaced-7781');
  await page.getByRole('button', { name: 'Review changes' }).click();
  const dialog = reviewDialog(page);
  await expect(dialog.getByRole('table', { name: 'Changes' }).getByRole('row').nth(1).getByRole('cell')).toHaveText(['Webhook secret', 'Set', 'Replaced']);
  await expect(dialog).not.toContainText('whsec-replaced-7781');
  await page.keyboard.press('Escape');

  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({ webhook_secret: 'whsec-replaced-7781' });
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  expect(patches).toHaveLength(1);
  expect((await fetchAgent(request, AGENT)).webhook_secret_configured).toBe(true);
});

test('a provider type change shows the new settings, says what happens to the old ones and sends them cleared', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  await openEditor(page, AGENT, 'provider');
  await expect(page.getByLabel('API key', { exact: true })).toHaveAccessibleDescription(/^Hidden/);
  await expect(page.getByLabel('Trigger secret', { exact: true })).toHaveAccessibleDescription(/^Set/);

  await page.getByRole('combobox', { name: 'Provider type' }).click();
  await page.getByRole('option', { name: 'Retell', exact: true }).click();
  await expect(page.getByText('Vapi settings will be replaced by Retell settings when you save.')).toBeVisible();
  const retell = page.getByRole('group', { name: 'Retell settings' });
  await expect(retell.getByRole('textbox', { name: 'LiveKit server URL' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Vapi settings' })).toHaveCount(0);

  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  // Vapi's own setting goes cleared; the trigger URL and secret are Retell settings too and stay.
  expect(await body).toEqual({ provider: { type: 'retell', credentials: { config: { public_key: '' } } } });
  const saved = await fetchAgent(request, AGENT);
  expect(saved.provider.type).toBe('retell');
  expect(saved.provider.credentials.config.trigger_url).toBe(agent.provider.credentials.config.trigger_url);
  expect(saved.provider.credentials.config.public_key ?? '').toBe('');
});
