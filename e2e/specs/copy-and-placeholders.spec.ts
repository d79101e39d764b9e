import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { API_HEADERS, expect, fetchAgent, nextPatchBody, openEditor, recordPatches, test } from './fixtures';

/**
 * Copy from another agent (mock tools): copies go whole, kept tools as `{id}`, a name clash is
 * skipped or replaces the tool in place (its id kept). Variables against the description's
 * `{{placeholders}}`: shown under the description, a missing one added in one click, and a save
 * that removes a used variable asks first. Expected bodies come from the emulator's data.
 */

const TARGET = 101; // Acme Support — Tier 1
const SOURCE = 102; // Clínica Dental Sonrisa — Citas

interface ServedTool {
  id: number;
  name: string;
  description: string;
  mock_data: unknown;
  freetext_params?: string[] | null;
  served_via: { type: string; mock_index?: number; url?: string };
  is_shared?: boolean;
}

/** A tool as the dashboard writes a new one: everything but the ids and server-assigned keys. */
function wholeCopy(tool: ServedTool) {
  return {
    name: tool.name,
    description: tool.description,
    mock_data: tool.mock_data,
    freetext_params: tool.freetext_params ?? [],
    served_via: tool.served_via.type === 'mcp' ? { type: 'mcp', mock_index: tool.served_via.mock_index } : { type: 'direct' },
  };
}

const toolsOf = async (request: APIRequestContext, id: number) => (await fetchAgent(request, id)).mock_tools as unknown as ServedTool[];

async function patchAgent(request: APIRequestContext, id: number, body: Record<string, unknown>) {
  const response = await request.patch(`/test_framework/v2/aiagents/${id}/`, { headers: API_HEADERS, data: body });
  expect(response.ok()).toBe(true);
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Opens Copy from another agent and picks the agent found by `search` named `name`. */
async function pickAgent(page: Page, search: string, name: string) {
  await page.getByRole('button', { name: 'Copy from another agent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy mock tools from another agent' });
  await dialog.getByRole('combobox', { name: 'Agent' }).fill(search);
  await page.getByRole('option', { name }).click();
  return dialog;
}

test('copying two tools from another agent sends the kept tools as {id} and the copies whole', async ({ page, request }) => {
  const target = await toolsOf(request, TARGET);
  const source = await fetchAgent(request, SOURCE);
  // Two tools whose names the target does not have (a shared tool may be on both).
  const copied = (source.mock_tools as unknown as ServedTool[]).filter((t) => !target.some((own) => own.name === t.name)).slice(0, 2);
  expect(copied).toHaveLength(2);
  await openEditor(page, TARGET, 'mock-tools');

  const dialog = await pickAgent(page, 'Sonrisa', source.name);
  for (const tool of copied) await dialog.getByRole('checkbox', { name: tool.name }).check();
  await dialog.getByRole('button', { name: 'Add 2 items' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy from another agent' })).toBeFocused();
  for (const tool of copied) await expect(page.getByRole('group', { name: tool.name })).toBeVisible();

  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({ mock_tools: [...target.map((tool) => ({ id: tool.id })), ...copied.map(wholeCopy)] });
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  // New tools of this agent, not the other agent's (the source keeps its own).
  const after = await toolsOf(request, TARGET);
  expect(after.map((t) => t.name)).toEqual([...target, ...copied].map((t) => t.name));
  const sourceIds = new Set(copied.map((t) => t.id));
  expect(after.filter((t) => sourceIds.has(t.id))).toEqual([]);
  expect((await toolsOf(request, SOURCE)).map((t) => t.id)).toEqual((source.mock_tools as unknown as ServedTool[]).map((t) => t.id));
});

test('a name clash is skipped by default, or replaces the tool in place; the dialog fits a phone', async ({ page, request }) => {
  const target = await toolsOf(request, TARGET);
  const [replaced, skipped] = target.filter((t) => t.is_shared !== true);
  if (!replaced || !skipped) throw new Error('the target agent needs two unshared tools');
  // The source agent gets two tools named like the target's, differing in their descriptions only.
  const source = await toolsOf(request, SOURCE);
  const clash = (tool: ServedTool) => ({ ...wholeCopy(tool), description: `Copied: ${tool.description}` });
  await patchAgent(request, SOURCE, { mock_tools: [...source.map((t) => ({ id: t.id })), clash(replaced), clash(skipped)] });

  await page.setViewportSize({ width: 390, height: 844 });
  await openEditor(page, TARGET, 'mock-tools');
  const dialog = await pickAgent(page, String(SOURCE), (await fetchAgent(request, SOURCE)).name);
  const box = await dialog.boundingBox();
  expect(box).not.toBeNull();
  if (box) expect(box.x >= 0 && box.x + box.width <= 390).toBe(true);

  for (const tool of [replaced, skipped]) await dialog.getByRole('checkbox', { name: tool.name, exact: true }).check();
  const skipChoice = dialog.getByRole('radiogroup', { name: `${skipped.name} is already in this agent` });
  await expect(skipChoice.getByRole('radio', { name: 'Skip' })).toBeChecked();
  await dialog.getByRole('radiogroup', { name: `${replaced.name} is already in this agent` }).getByRole('radio', { name: 'Replace' }).check();
  await expectNoSeriousViolations(page);
  await dialog.getByRole('button', { name: 'Add 2 items' }).click();
  await expect(dialog).toBeHidden();

  const body = nextPatchBody(page);
  const saved = page.waitForResponse((response) => response.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  expect(await body).toEqual({
    mock_tools: target.map((t) => (t.id === replaced.id ? { id: t.id, description: `Copied: ${t.description}` } : { id: t.id })),
  });
  // The request is out; read the agent back once the server has answered it.
  await saved;
  const after = await toolsOf(request, TARGET);
  expect(after.map((t) => [t.id, t.description])).toEqual(
    target.map((t) => [t.id, t.id === replaced.id ? `Copied: ${t.description}` : t.description]),
  );
});

test('placeholders: shown under the description, a missing variable added in one click, removing a used one asks first', async ({ page, request }) => {
  const agent = await fetchAgent(request, TARGET);
  const [used, unused] = agent.dynamic_variables;
  if (!used || !unused) throw new Error('the agent needs two variables');
  const description = `Greet {{ ${used.name} }} by name. Quote the ticket {{ticket_ref}}; again: {{${used.name}}}.`;
  await patchAgent(request, TARGET, { description });
  await openEditor(page, TARGET, 'general');

  const chips = page.getByRole('list', { name: 'Placeholders in the description' }).getByRole('listitem');
  await expect(chips).toHaveText([`{{${used.name}}}`, '{{ticket_ref}} · no variable']);
  await expectNoSeriousViolations(page);

  await page.getByRole('tab', { name: /^Dynamic variables/ }).click();
  await expect(page.getByRole('group', { name: unused.name })).toContainText('Not used in the description');
  await expect(page.getByRole('group', { name: used.name })).not.toContainText('Not used in the description');
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Add variable ticket_ref' }).click();
  const added = page.getByRole('group', { name: 'ticket_ref' });
  await expect(added.getByRole('textbox', { name: 'Name' })).toHaveValue('ticket_ref');
  await expect(added.getByRole('textbox', { name: 'Description' })).toBeFocused();
  await page.keyboard.type('The support ticket number.');
  await expect(page.getByRole('button', { name: 'Add variable ticket_ref' })).toHaveCount(0);

  // Removing a variable the description uses: Cancel sends nothing and keeps the edits.
  const patches = recordPatches(page);
  await page.getByRole('button', { name: `Remove ${used.name}` }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`${used.name} is used in the description`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(/You have unsaved changes/)).toBeVisible();
  expect(patches).toHaveLength(0);

  const body = nextPatchBody(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save anyway' }).click();
  expect(await body).toEqual({
    dynamic_variables: [
      ...agent.dynamic_variables.filter((v) => v.name !== used.name).map((v) => ({ name: v.name, description: v.description })),
      { name: 'ticket_ref', description: 'The support ticket number.' },
    ],
  });
  expect(patches).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});
