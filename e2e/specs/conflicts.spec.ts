import type { APIRequestContext, Page } from '@playwright/test';
import { EMULATOR_HOOKS, expect, fetchAgent, nextPatchBody, openEditor, test } from './fixtures';

/**
 * Two people edit one agent. The API has no concurrency control and the collections are full
 * sets, so every save reads the agent first and merges onto a newer version; a field both
 * changed asks. Carl's saves go through the emulator's `patch-as` hook between Anna's load and save.
 */

const AGENT = 101;
const DRAFT_KEY = `cekura-agent-draft:${AGENT}`;

/** Carl Colleague saves `body` as a PATCH of the agent. */
async function carlSaves(request: APIRequestContext, body: Record<string, unknown>): Promise<void> {
  const response = await request.post(`${EMULATOR_HOOKS}/__emulator/agents/${AGENT}/patch-as`, { data: { body } });
  expect(response.ok()).toBe(true);
}

const variablesOf = (agent: { dynamic_variables: { name: string; description: string }[] }) =>
  agent.dynamic_variables.map(({ name, description }) => ({ name, description }));

async function typeDescription(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Description' }).fill(text);
}

test('Anna removes a variable while Carl adds one: both changes survive, no dialog', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  const removed = agent.dynamic_variables.find((v) => v.name === 'account_id');
  if (!removed) throw new Error('the seed agent needs the variable account_id');
  await openEditor(page, AGENT, 'dynamic-variables');
  await page.getByRole('button', { name: `Remove ${removed.name}` }).click();

  const colleague = { name: 'colleague_var', description: 'Added by Carl.' };
  await carlSaves(request, { dynamic_variables: [...variablesOf(agent), colleague] });

  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const expected = [...variablesOf(agent).filter((v) => v.name !== removed.name), colleague];
  expect(await body).toEqual({ dynamic_variables: expected });
  const saved = page.getByRole('alert').filter({ hasText: 'Changes saved' });
  await expect(saved).toContainText('Merged with the newer version someone else saved; their change touched Dynamic variables.');
  await expect(page.getByRole('dialog', { name: 'Someone else changed this agent' })).toHaveCount(0);

  const after = await fetchAgent(request, AGENT);
  expect(variablesOf(after).map((v) => v.name).sort()).toEqual(expected.map((v) => v.name).sort());
  await expect(page.getByRole('group', { name: 'colleague_var' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});

test.describe('both change the description', () => {
  const MINE = 'Anna’s description of the agent.';
  const THEIRS = 'Carl’s description of the agent.';
  const NAME = 'Acme Support — merged';

  async function editAndConflict(page: Page, request: APIRequestContext) {
    await openEditor(page, AGENT, 'general');
    await page.getByRole('textbox', { name: 'Name' }).fill(NAME);
    await typeDescription(page, MINE);
    await carlSaves(request, { description: THEIRS });
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Someone else changed this agent' });
    await expect(dialog).toBeVisible();
    const group = dialog.getByRole('radiogroup', { name: 'Description' });
    await expect(group).toContainText(THEIRS);
    await expect(group).toContainText(MINE);
    await expect(group.getByRole('radio', { name: 'Keep mine' })).toBeChecked();
    return { dialog, group };
  }

  test('Keep mine sends my description with my other edit', async ({ page, request }) => {
    const { dialog } = await editAndConflict(page, request);
    const body = nextPatchBody(page);
    await dialog.getByRole('button', { name: 'Save merged' }).click();
    expect(await body).toEqual({ name: NAME, description: MINE });
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    const after = await fetchAgent(request, AGENT);
    expect(after.name).toBe(NAME);
    expect(after.description).toBe(MINE);
  });

  test('Take theirs keeps Carl’s description and sends only my other edit', async ({ page, request }) => {
    const { dialog, group } = await editAndConflict(page, request);
    await group.getByRole('radio', { name: 'Take theirs' }).check();
    const body = nextPatchBody(page);
    await dialog.getByRole('button', { name: 'Save merged' }).click();
    expect(await body).toEqual({ name: NAME });
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(THEIRS);
    const after = await fetchAgent(request, AGENT);
    expect(after.name).toBe(NAME);
    expect(after.description).toBe(THEIRS);
  });

  test('Cancel keeps every edit in the form, unsaved', async ({ page, request }) => {
    const { dialog } = await editAndConflict(page, request);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(NAME);
    await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(MINE);
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeEnabled();
    expect((await fetchAgent(request, AGENT)).description).toBe(THEIRS);
  });
});

test('a draft restored after a reload onto a newer version is merged, nothing lost', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  await openEditor(page, AGENT, 'general');
  await page.getByRole('textbox', { name: 'Name' }).fill('Renamed before the reload');
  await page.getByRole('tab', { name: /^Dynamic variables/ }).click();
  await page.getByRole('button', { name: 'Remove account_id' }).click();
  await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY)).toContain('Renamed before the reload');

  const colleague = { name: 'colleague_var', description: 'Added by Carl.' };
  await carlSaves(request, { description: 'Carl changed this.', dynamic_variables: [...variablesOf(agent), colleague] });
  await page.reload();

  const notice = page.getByRole('alert').filter({ hasText: 'Unsaved changes restored' });
  await expect(notice).toContainText('merged onto the newer version');
  await expect(page.getByRole('dialog', { name: 'Someone else changed this agent' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'colleague_var' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'account_id' })).toHaveCount(0);

  const expected = [...variablesOf(agent).filter((v) => v.name !== 'account_id'), colleague];
  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({ name: 'Renamed before the reload', dynamic_variables: expected });
  await expect(page.getByRole('heading', { level: 1, name: 'Renamed before the reload' })).toBeVisible();
  const after = await fetchAgent(request, AGENT);
  expect(after.description).toBe('Carl changed this.');
  expect(variablesOf(after).map((v) => v.name).sort()).toEqual(expected.map((v) => v.name).sort());
});

test('Undo puts back a save that changed a telephony field and a variable', async ({ page, request }) => {
  const before = await fetchAgent(request, AGENT);
  const edited = before.dynamic_variables[0];
  if (!edited) throw new Error('the seed agent needs variables');
  await openEditor(page, AGENT, 'telephony');
  await page.getByRole('textbox', { name: 'Phone number' }).fill('+14155550188');
  await page.getByRole('tab', { name: /^Dynamic variables/ }).click();
  await page.getByRole('group', { name: edited.name }).getByRole('textbox', { name: 'Description' }).fill('Changed, then undone.');
  await page.getByRole('button', { name: 'Save changes' }).click();

  const saved = page.getByRole('alert').filter({ hasText: 'Changes saved' });
  await expect(saved).toBeVisible();
  expect((await fetchAgent(request, AGENT)).telephony.phone_number).toBe('+14155550188');

  const body = nextPatchBody(page);
  await saved.getByRole('button', { name: 'Undo' }).click();
  expect(await body).toEqual({ telephony: { phone_number: before.telephony.phone_number }, dynamic_variables: variablesOf(before) });
  await expect(page.getByRole('alert').filter({ hasText: 'Save undone' })).toBeVisible();

  const after = await fetchAgent(request, AGENT);
  expect(after.telephony.phone_number).toBe(before.telephony.phone_number);
  expect(variablesOf(after)).toEqual(variablesOf(before));
  await expect(page.getByRole('group', { name: edited.name }).getByRole('textbox', { name: 'Description' })).toHaveValue(edited.description);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});
