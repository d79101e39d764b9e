import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page, Request } from '@playwright/test';
import { API_HEADERS, EMULATOR_HOOKS, expect, fetchAgent, injectFault, recordPatches, signIn, test } from './fixtures';

/**
 * Bulk edit: the same change to several agents, one minimal PATCH each, every collection a full
 * set (nothing the user did not name is deleted). Expected values come from the emulator.
 */

const bodies = (patches: Request[]) => new Map(patches.map((r) => [Number(/aiagents\/(\d+)\//.exec(r.url())?.[1]), r.postDataJSON() as unknown] as const));

/** Opens the list, ticks the agents by name, and opens the bulk editor with them. */
async function openBulkEditor(page: Page, request: APIRequestContext, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const id of ids) names.set(id, (await fetchAgent(request, id)).name);
  await page.goto('/agents');
  await signIn(page);
  for (const name of names.values()) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await expect(page.getByText(`${ids.length} agents selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Edit selected' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bulk edit' })).toBeVisible();
  return names;
}

async function setWebhookUrl(page: Page, url: string): Promise<void> {
  // Typing sets the field; nothing else does (every other field is kept as is).
  await page.getByLabel('Webhook URL').fill(url);
}

const results = (page: Page) => page.getByRole('region', { name: 'Results' });
const resultOf = (page: Page, name: string) => results(page).getByRole('row', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

test('a webhook change on 3 agents sends exactly {webhook_url} to each, and Undo batch puts them back', async ({ page, request }) => {
  const ids = [101, 102, 103];
  const before = await Promise.all(ids.map((id) => fetchAgent(request, id)));
  const names = await openBulkEditor(page, request, ids);
  const url = 'https://hooks.example.com/bulk-moved';
  await setWebhookUrl(page, url);

  const preview = page.getByRole('list', { name: 'Agents in this bulk edit' });
  const first = names.get(101) ?? '';
  await expect(preview.getByRole('listitem', { name: first })).toContainText(`Webhook URL: “${before[0]?.webhook_url ?? ''}” → “${url}”`);
  await preview.getByText(`Show the PATCH for ${first}`).click();
  await expect(preview.getByLabel(`PATCH for ${first}`)).toHaveText(JSON.stringify({ webhook_url: url }, null, 2));
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  const patches = recordPatches(page);
  await page.getByRole('button', { name: 'Apply to 3 agents' }).click();
  await expect(results(page)).toContainText('3 of 3: finished');
  for (const name of names.values()) await expect(resultOf(page, name)).toContainText('Saved');
  expect(patches).toHaveLength(3);
  expect([...bodies(patches).entries()].sort()).toEqual(ids.map((id) => [id, { webhook_url: url }]));
  for (const [i, id] of ids.entries()) {
    const after = await fetchAgent(request, id);
    expect(after.webhook_url).toBe(url);
    expect(after.dynamic_variables).toEqual(before[i]?.dynamic_variables);
    expect(after.mock_tools.map((t) => t.id)).toEqual(before[i]?.mock_tools.map((t) => t.id));
  }

  await page.getByRole('button', { name: 'Undo batch' }).click();
  await expect(page.getByRole('region', { name: 'Undo' })).toContainText('3 of 3: finished');
  expect(patches).toHaveLength(6);
  const undone = bodies(patches.slice(3));
  for (const [i, id] of ids.entries()) {
    expect(undone.get(id)).toEqual({ webhook_url: before[i]?.webhook_url });
    expect((await fetchAgent(request, id)).webhook_url).toBe(before[i]?.webhook_url);
  }
});

test('adding a variable to 2 agents sends each its full set plus the new one, and deletes nothing', async ({ page, request }) => {
  const ids = [101, 102];
  const before = await Promise.all(ids.map((id) => fetchAgent(request, id)));
  for (const agent of before) expect(agent.dynamic_variables.length).toBeGreaterThan(0);
  await openBulkEditor(page, request, ids);

  await page.getByRole('button', { name: 'Add or update a variable' }).click();
  const row = page.getByRole('group', { name: 'Variable 1 to add or update' });
  await row.getByRole('textbox', { name: 'Variable name' }).fill('ticket_id');
  await row.getByRole('textbox', { name: 'Variable description' }).fill('The support ticket');

  const patches = recordPatches(page);
  await page.getByRole('button', { name: 'Apply to 2 agents' }).click();
  await expect(results(page)).toContainText('2 of 2: finished');
  const sent = bodies(patches);
  expect(patches).toHaveLength(2);
  const added = { name: 'ticket_id', description: 'The support ticket' };
  for (const [i, id] of ids.entries()) {
    const old = (before[i]?.dynamic_variables ?? []).map(({ name, description }) => ({ name, description }));
    expect(sent.get(id)).toEqual({ dynamic_variables: [...old, added] });
    const after = await fetchAgent(request, id);
    // Nothing deleted: every variable kept with its id, plus the new one.
    for (const v of before[i]?.dynamic_variables ?? []) expect(after.dynamic_variables).toContainEqual(v);
    expect(after.dynamic_variables.map((v) => v.name).sort()).toEqual([...old.map((v) => v.name), 'ticket_id'].sort());
    expect(after.mock_tools).toEqual(before[i]?.mock_tools);
    expect(after.knowledge_base_files).toEqual(before[i]?.knowledge_base_files);
  }
});

test('an agent whose PATCH fails says the server’s message, and Retry failed sends only that one again', async ({ page, request }) => {
  const ids = [101, 102, 103];
  const names = await openBulkEditor(page, request, ids);
  const url = 'https://hooks.example.com/bulk-retry';
  await setWebhookUrl(page, url);
  await injectFault(request, { pathPrefix: '/test_framework/v2/aiagents/102/', status: 500, body: { detail: 'The database is resting.' } });

  const patches = recordPatches(page);
  await page.getByRole('button', { name: 'Apply to 3 agents' }).click();
  await expect(results(page)).toContainText('3 of 3: finished');
  await expect(resultOf(page, names.get(102) ?? '')).toContainText('Failed: The database is resting.');
  expect((await fetchAgent(request, 102)).webhook_url).not.toBe(url);

  await page.getByRole('button', { name: 'Retry failed' }).click();
  await expect(resultOf(page, names.get(102) ?? '')).toContainText('Saved');
  await expect(page.getByRole('button', { name: 'Retry failed' })).toHaveCount(0);
  expect(patches.map((r) => Number(/aiagents\/(\d+)\//.exec(r.url())?.[1])).sort()).toEqual([101, 102, 102, 103]);
  for (const id of ids) expect((await fetchAgent(request, id)).webhook_url).toBe(url);
});

test('Cancel mid-way lets the requests in flight finish and sends no other agent', async ({ page, request }) => {
  await page.goto('/agents');
  await signIn(page);
  const count = (await (await request.get('/test_framework/v2/aiagents/?page_size=100', { headers: API_HEADERS })).json()) as {
    count: number;
    results: { id: number; webhook_url: string }[];
  };
  await page.getByRole('button', { name: `Select all ${count.count} matching the filter` }).click();
  await expect(page.getByText(`${count.count} agents selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Edit selected' }).click();
  const url = 'https://hooks.example.com/bulk-cancel';
  await setWebhookUrl(page, url);

  // The first three PATCHes are held by the emulator until the faults are cleared.
  const held = await request.post(`${EMULATOR_HOOKS}/__emulator/faults`, { data: { method: 'PATCH', pathPrefix: '/test_framework/v2/aiagents/', times: 3, hold: true } });
  expect(held.ok()).toBe(true);
  const patches = recordPatches(page);
  await page.getByRole('button', { name: `Apply to ${count.count} agents` }).click();
  await expect.poll(() => patches.length).toBe(3);
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect((await request.delete(`${EMULATOR_HOOKS}/__emulator/faults`)).ok()).toBe(true);

  await expect(results(page)).toContainText(`${count.count} of ${count.count}: finished`);
  await expect(results(page).getByText('Saved', { exact: true })).toHaveCount(3);
  await expect(results(page).getByText('Not sent: cancelled')).toHaveCount(count.count - 3);
  expect(patches).toHaveLength(3);
  const sent = new Set(bodies(patches).keys());
  for (const agent of count.results) {
    const after = await fetchAgent(request, agent.id);
    expect(after.webhook_url).toBe(sent.has(agent.id) ? url : agent.webhook_url);
  }
});
