import type { Locator, Page } from '@playwright/test';
import { expect, fetchAgent, nextPatchBody, openEditor, test } from './fixtures';

/**
 * A click on Save right after typing must save: the mousedown blurs the field, and whatever that
 * blur validates must not move the button out from under the mouseup. Each test types into one
 * kind of field and clicks Save at the button's lower edge, where a shift of a few pixels misses.
 */

const AGENT = 101;

async function clickSaveAtLowerEdge(page: Page): Promise<void> {
  const save = page.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeEnabled();
  const box = await save.boundingBox();
  if (!box) throw new Error('Save changes has no box');
  await save.click({ position: { x: box.width / 2, y: box.height - 2 } });
}

async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.pressSequentially(text);
}

test('a new variable: Name, Description, then Save at once sends it', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  await openEditor(page, AGENT, 'dynamic-variables');
  await page.getByRole('button', { name: 'Add variable' }).click();
  const fresh = page.getByRole('group', { name: 'New variable' });
  await typeInto(fresh.getByRole('textbox', { name: 'Name' }), 'callback_day');
  const variable = page.getByRole('group', { name: 'callback_day' });
  await typeInto(variable.getByRole('textbox', { name: 'Description' }), 'Day the caller wants');
  await expect(variable.getByText('Description is required')).toHaveCount(0);

  const body = nextPatchBody(page);
  await clickSaveAtLowerEdge(page);
  expect(await body).toEqual({
    dynamic_variables: [
      ...agent.dynamic_variables.map((v) => ({ name: v.name, description: v.description })),
      { name: 'callback_day', description: 'Day the caller wants' },
    ],
  });
});

test('a variable description typed after its error was shown clears the error as it is typed', async ({ page }) => {
  await openEditor(page, AGENT, 'dynamic-variables');
  await page.getByRole('button', { name: 'Add variable' }).click();
  const fresh = page.getByRole('group', { name: 'New variable' });
  await fresh.getByRole('textbox', { name: 'Description' }).focus();
  await fresh.getByRole('textbox', { name: 'Name' }).focus();
  await expect(fresh.getByText('Description is required')).toBeVisible();
  await typeInto(fresh.getByRole('textbox', { name: 'Description' }), 'x');
  await expect(fresh.getByText('Description is required')).toHaveCount(0);
});

test('a text field: typing a name then Save at once sends it', async ({ page }) => {
  await openEditor(page, AGENT, 'general');
  await typeInto(page.getByRole('textbox', { name: 'Name', exact: true }), ' (edited)');
  const body = nextPatchBody(page);
  await clickSaveAtLowerEdge(page);
  expect(await body).toHaveProperty('name');
});

test('a textarea, a JSON field and a tool name: typing then Save at once sends them', async ({ page, request }) => {
  const agent = await fetchAgent(request, AGENT);
  const tool = agent.mock_tools.find((t) => t.is_shared !== true);
  if (!tool) throw new Error('the seed agent needs an unshared mock tool');
  await openEditor(page, AGENT, 'mock-tools');
  const group = page.getByRole('group', { name: tool.name });
  await typeInto(group.getByRole('textbox', { name: 'Description' }), ' More.');
  let body = nextPatchBody(page);
  await clickSaveAtLowerEdge(page);
  expect(JSON.stringify(await body)).toContain(' More.');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  const data = group.getByRole('textbox', { name: 'Mock data' });
  await data.fill('');
  await typeInto(data, '[{"input":{"day":"mon"},"output":{"slot":"10:00"}}]');
  body = nextPatchBody(page);
  await clickSaveAtLowerEdge(page);
  expect(JSON.stringify(await body)).toContain('"mock_data":[{"input":{"day":"mon"},"output":{"slot":"10:00"}}]');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  await typeInto(group.getByRole('textbox', { name: 'Name' }), '_v2');
  body = nextPatchBody(page);
  await clickSaveAtLowerEdge(page);
  expect(JSON.stringify(await body)).toContain(`"name":"${tool.name}_v2"`);
});

test('a number field: typing then Save at once sends it', async ({ page }) => {
  await openEditor(page, AGENT, 'mock-tools');
  await page.getByRole('button', { name: 'Add mock tool' }).click();
  const fresh = page.getByRole('group', { name: 'New mock tool' });
  await typeInto(fresh.getByRole('textbox', { name: 'Name' }), 'route_call');
  const tool = page.getByRole('group', { name: 'route_call' });
  await tool.getByRole('radio', { name: 'MCP' }).check();
  await typeInto(tool.getByRole('textbox', { name: 'MCP index' }), '2');
  const body = nextPatchBody(page);
  await clickSaveAtLowerEdge(page);
  expect(JSON.stringify(await body)).toContain('"name":"route_call"');
});

test('an error shown on blur moves nothing below it', async ({ page }) => {
  await openEditor(page, AGENT, 'general');
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  const description = page.getByRole('textbox', { name: 'Description' });
  await name.fill('');
  const before = await description.boundingBox();
  await name.blur();
  await expect(page.getByText('Name is required')).toBeVisible();
  expect(await description.boundingBox()).toEqual(before);
  await name.fill('Back again');
  await expect(page.getByText('Name is required')).toHaveCount(0);
  expect(await description.boundingBox()).toEqual(before);
});
