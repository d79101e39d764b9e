import { expect, fetchAgent, nextPatchBody, openEditor, test } from './fixtures';

/** Long collections stay workable: compact rows, paging, cards that open on demand, undo. */

const AGENT = 101;
const LARGE_AGENT = 108;

test('on the large agent, Add variable shows and focuses the new row’s Name, on the last page', async ({ page }) => {
  await openEditor(page, LARGE_AGENT, 'dynamic-variables');
  await expect(page.getByRole('navigation', { name: 'Pages of variables', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Pages of variables (bottom)' })).toBeVisible();
  await page.getByRole('button', { name: 'Add variable' }).click();
  const name = page.getByRole('group', { name: 'New variable' }).getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await expect(name).toBeInViewport();
});

test('the large agent’s mock tools are closed cards with a summary, opened on demand', async ({ page, request }) => {
  const agent = await fetchAgent(request, LARGE_AGENT);
  const first = agent.mock_tools[0];
  if (!first) throw new Error('the large agent needs tools');
  await openEditor(page, LARGE_AGENT, 'mock-tools');
  const card = page.getByRole('group', { name: first.name, exact: true });
  await expect(card.getByRole('textbox', { name: 'Description' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: `Remove ${first.name}` })).toBeVisible();
  const box = await card.boundingBox();
  expect(box?.height ?? 999).toBeLessThan(120);
  await card.getByRole('button', { name: `Open ${first.name}` }).click();
  await expect(card.getByRole('textbox', { name: 'Description' })).toHaveValue(first.description);
});

test('a removed variable and a removed tool come back with Undo, and then nothing is sent', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  const variable = agent.dynamic_variables[0];
  const tool = agent.mock_tools[0];
  if (!variable || !tool) throw new Error('the seed agent needs variables and tools');
  await openEditor(page, AGENT, 'dynamic-variables');
  await page.getByRole('button', { name: `Remove ${variable.name}` }).click();
  await expect(page.getByRole('group', { name: variable.name })).toHaveCount(0);
  await page.getByRole('button', { name: `Undo removing ${variable.name}` }).click();
  await expect(page.getByRole('group', { name: variable.name }).getByRole('textbox', { name: 'Description' })).toHaveValue(variable.description);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  await page.getByRole('tab', { name: /^Mock tools/ }).click();
  await page.getByRole('button', { name: `Remove ${tool.name}` }).click();
  await page.getByRole('button', { name: `Undo removing ${tool.name}` }).click();
  await expect(page.getByRole('group', { name: tool.name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  // Removed and saved: the Undo is gone with the save.
  await page.getByRole('button', { name: `Remove ${tool.name}` }).click();
  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({ mock_tools: agent.mock_tools.filter((t) => t.id !== tool.id).map((t) => ({ id: t.id })) });
  await expect(page.getByRole('button', { name: `Undo removing ${tool.name}` })).toHaveCount(0);
});
