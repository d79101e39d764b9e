import { expect, fetchAgent, nextPatchBody, openEditor, test } from './fixtures';

/**
 * The three collections are full sets: whatever is left out is deleted. A kept mock tool goes as
 * `{id}` plus only its changed keys, every variable as `{name, description}`, new items whole,
 * all in the order the form shows them. Expected bodies are computed from the agent as served.
 */

const AGENT = 101;
const LARGE_AGENT = 108;

test.describe('mock tools', () => {
  test('removing one tool sends every remaining tool as {id}, and only that one is deleted', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    expect(agent.mock_tools.length).toBeGreaterThanOrEqual(3);
    const removed = agent.mock_tools[1];
    if (!removed) throw new Error('the seed agent needs mock tools');
    await openEditor(page, AGENT, 'mock-tools');

    await page.getByRole('button', { name: `Remove ${removed.name}` }).click();
    await expect(page.getByRole('group', { name: removed.name })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: /^Mock tools.*\(unsaved changes\)/ })).toBeVisible();

    const kept = agent.mock_tools.filter((tool) => tool.id !== removed.id);
    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({ mock_tools: kept.map((tool) => ({ id: tool.id })) });
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    const after = await fetchAgent(request, AGENT);
    expect(after.mock_tools.map((tool) => tool.id)).toEqual(kept.map((tool) => tool.id));
    expect(after.mock_tools.map((tool) => tool.description)).toEqual(kept.map((tool) => tool.description));
  });

  test("editing one tool's description sends every tool as {id} and that one as {id, description}", async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    // Not the shared tool: editing that one would change it for other agents too.
    const edited = agent.mock_tools.find((tool) => tool.is_shared !== true);
    if (!edited) throw new Error('the seed agent needs an unshared mock tool');
    await openEditor(page, AGENT, 'mock-tools');

    const tool = page.getByRole('group', { name: edited.name });
    await expect(tool.getByRole('textbox', { name: 'Description' })).toHaveValue(edited.description);
    await tool.getByRole('textbox', { name: 'Description' }).fill('Checks the outage map for a postcode and returns the ETA.');

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({
      mock_tools: agent.mock_tools.map((t) =>
        t.id === edited.id ? { id: t.id, description: 'Checks the outage map for a postcode and returns the ETA.' } : { id: t.id },
      ),
    });
  });

  test('a shared tool says how many agents an edit reaches', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    const shared = agent.mock_tools.find((tool) => tool.is_shared === true) as
      | { name: string; subscriber_count: number }
      | undefined;
    if (!shared) throw new Error('the seed agent needs a shared mock tool');
    await openEditor(page, AGENT, 'mock-tools');
    await expect(page.getByRole('group', { name: shared.name })).toContainText(
      `This tool is used by ${shared.subscriber_count} agents`,
    );
  });

  test('adding a tool sends it whole after the kept tools', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    await openEditor(page, AGENT, 'mock-tools');

    await page.getByRole('button', { name: 'Add mock tool' }).click();
    const fresh = page.getByRole('group', { name: 'New mock tool' });
    await fresh.getByRole('textbox', { name: 'Name' }).fill('schedule_callback');
    const tool = page.getByRole('group', { name: 'schedule_callback' });
    await expect(tool).toBeVisible();
    await tool.getByRole('textbox', { name: 'Description' }).fill('Books a callback slot.');
    await tool.getByRole('textbox', { name: 'Mock data' }).fill('[{"input": {"day": "monday"}, "output": {"slot": "10:00"}}]');
    await tool.getByRole('combobox', { name: 'Freetext params' }).fill('notes');
    await tool.getByRole('combobox', { name: 'Freetext params' }).press('Enter');
    await tool.getByRole('radio', { name: 'MCP' }).check();
    await tool.getByRole('textbox', { name: 'MCP index' }).fill('2');

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({
      mock_tools: [
        ...agent.mock_tools.map((t) => ({ id: t.id })),
        {
          name: 'schedule_callback',
          description: 'Books a callback slot.',
          mock_data: [{ input: { day: 'monday' }, output: { slot: '10:00' } }],
          freetext_params: ['notes'],
          served_via: { type: 'mcp', mock_index: 2 },
        },
      ],
    });

    // The saved tool is now a kept one: it has an id and its group is named after it.
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    const after = await fetchAgent(request, AGENT);
    expect(after.mock_tools.map((t) => t.name)).toEqual([...agent.mock_tools.map((t) => t.name), 'schedule_callback']);
  });

  test('a tool edited and typed back is no change', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    const first = agent.mock_tools[0];
    if (!first) throw new Error('the seed agent needs mock tools');
    await openEditor(page, AGENT, 'mock-tools');

    const description = page.getByRole('group', { name: first.name }).getByRole('textbox', { name: 'Description' });
    await description.fill('Something else');
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeEnabled();
    await description.fill(first.description);
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await expect(page.getByRole('tab', { name: /^Mock tools/ })).not.toHaveAccessibleName(/unsaved changes/);
  });
});

test.describe('dynamic variables', () => {
  test('editing one variable sends every variable as {name, description}', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    const edited = agent.dynamic_variables[1];
    if (!edited) throw new Error('the seed agent needs variables');
    await openEditor(page, AGENT, 'dynamic-variables');

    const variable = page.getByRole('group', { name: edited.name });
    await expect(variable.getByRole('textbox', { name: 'Description' })).toHaveValue(edited.description);
    await variable.getByRole('textbox', { name: 'Description' }).fill('Acme account id, e.g. C-20931 (from the CRM).');

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({
      dynamic_variables: agent.dynamic_variables.map((v) => ({
        name: v.name,
        description: v.name === edited.name ? 'Acme account id, e.g. C-20931 (from the CRM).' : v.description,
      })),
    });
  });

  test('removing one variable and adding another sends the whole new set in form order', async ({ page, request }) => {
    const agent = await fetchAgent(request, AGENT);
    const removed = agent.dynamic_variables[0];
    if (!removed) throw new Error('the seed agent needs variables');
    await openEditor(page, AGENT, 'dynamic-variables');

    await page.getByRole('button', { name: `Remove ${removed.name}` }).click();
    await page.getByRole('button', { name: 'Add variable' }).click();
    const fresh = page.getByRole('group', { name: 'New variable' });
    await fresh.getByRole('textbox', { name: 'Name' }).fill('ticket_id');
    await page.getByRole('group', { name: 'ticket_id' }).getByRole('textbox', { name: 'Description' }).fill('Open ticket, if any.');

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({
      dynamic_variables: [
        ...agent.dynamic_variables.filter((v) => v.name !== removed.name).map((v) => ({ name: v.name, description: v.description })),
        { name: 'ticket_id', description: 'Open ticket, if any.' },
      ],
    });
  });

  test('on the large agent, editing one variable sends all of them', async ({ page, request }) => {
    const agent = await fetchAgent(request, LARGE_AGENT);
    expect(agent.dynamic_variables.length).toBeGreaterThan(500);
    const edited = agent.dynamic_variables[agent.dynamic_variables.length - 1];
    if (!edited) throw new Error('the large agent needs variables');
    await openEditor(page, LARGE_AGENT, 'dynamic-variables');

    await page.getByRole('textbox', { name: 'Filter variables' }).fill(edited.name);
    const variable = page.getByRole('group', { name: edited.name, exact: true });
    await variable.getByRole('textbox', { name: 'Description' }).fill('Edited on the large agent.');

    const body = nextPatchBody(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await body).toEqual({
      dynamic_variables: agent.dynamic_variables.map((v) => ({
        name: v.name,
        description: v.name === edited.name ? 'Edited on the large agent.' : v.description,
      })),
    });
  });
});
