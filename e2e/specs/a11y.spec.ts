import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

async function expectNoSeriousViolations(page: Page) {
  // Colours are checked as they end up: a modal's overlay and content fade in, and axe measuring
  // mid-fade reads blended colours (4.26:1 where the settled dialog has ≥ 4.5:1). Endless ones
  // (spinners) do not count.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || !Number.isFinite(Number(a.effect?.getComputedTiming().endTime))),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(', ')})`),
  ).toEqual([]);
}

test('the sign-in screen, the agents list and the editor have no serious axe violations', async ({ page }) => {
  await page.goto('/agents');
  await expect(page.getByLabel('API key')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/sign-in.png' });

  await signIn(page);
  await expect(page.getByRole('table', { name: 'Agents' }).getByRole('link').first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/agents-list.png', fullPage: true });

  await page.getByRole('table', { name: 'Agents' }).getByRole('link').first().click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/agent-editor.png' });
});

test('the sign-in error state has no serious axe violations', async ({ page }) => {
  await page.goto('/agents');
  await page.getByLabel('API key').fill('not-a-key');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That API key was not accepted')).toBeVisible();
  await expectNoSeriousViolations(page);
});

const TABS = [
  ['General', 'general'],
  ['Telephony', 'telephony'],
  ['Provider', 'provider'],
  ['Knowledge base', 'knowledge-base'],
  ['Mock tools', 'mock-tools'],
  ['Dynamic variables', 'dynamic-variables'],
  ['Webhook', 'webhook'],
  ['History', 'history'],
] as const;

/**
 * Opens `agentId` at the first of `tabs`, then clicks through them (as a person does), checking
 * each with axe: one page load for several tabs. `suffix` names the screenshots ('' or '-dark').
 */
async function sweepTabs(page: Page, agentId: number | string, tabs: readonly (typeof TABS)[number][], suffix: string) {
  await page.goto(`/agents/${agentId}/${tabs[0]?.[1] ?? 'general'}`);
  await signIn(page);
  for (const [tab, section] of tabs) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/${section}$`));
    await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    if (section === 'history') await expect(page.getByRole('table', { name: 'Versions' })).toBeVisible();
    await expectNoSeriousViolations(page);
    if (suffix !== '' || agentId === 101) await page.screenshot({ path: `test-results/screenshots/tab-${section}${suffix}.png` });
  }
}

/** On the History tab: the first version selected, then its restore confirmation, checked with axe. */
async function checkVersionAndRestore(page: Page) {
  await page.getByRole('table', { name: 'Versions' }).getByRole('button').first().click();
  await expect(page.getByRole('button', { name: 'Restore this version' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page);
}

/** An edit, a field error and the review open: the tabs' marks and the dialog checked with axe. */
async function checkEditMarksAndReview(page: Page, agentId: number) {
  await page.goto(`/agents/${agentId}/telephony`);
  await signIn(page);
  await page.getByRole('textbox', { name: 'Phone number' }).fill('12');
  await page.getByRole('textbox', { name: 'SIP URI' }).focus();
  await expect(page.getByText('Use E.164 format, e.g. +14155551234')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByRole('dialog', { name: 'Review changes' })).toBeVisible();
  await expectNoSeriousViolations(page);
}

// Every tab of three agents (different provider types, telephony and collections), four tabs to
// a test: a slow machine spends one test's time budget on a few views, not on twenty-four.
for (const agentId of [101, 104, 108]) {
  test.describe(`agent ${agentId}`, () => {
    for (const tabs of [TABS.slice(0, 4), TABS.slice(4)]) {
      test(`the ${tabs.map(([tab]) => tab).join(', ')} tabs have no serious axe violations`, async ({ page }) => {
        await sweepTabs(page, agentId, tabs, '');
      });
    }

    // With edits and an error, the marks on the tabs and the review stay accessible too.
    test('edit marks, an error and the review have no serious axe violations', async ({ page }) => {
      await checkEditMarksAndReview(page, agentId);
    });
  });
}

test('a selected version and the restore confirmation have no serious axe violations', async ({ page }) => {
  await page.goto('/agents/101/history');
  await signIn(page);
  await checkVersionAndRestore(page);
});

// Dark: every page above once more, every tab once (split over the three agents), each test one
// page load sweeping several views, so the dark pass costs a few tests, not twenty-seven.
const DARK_TABS: Record<number, readonly (typeof TABS)[number][]> = {
  101: TABS.slice(0, 3),
  104: TABS.slice(3, 6),
  108: TABS.slice(6),
};

test.describe('in dark', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
  });

  test('the sign-in screen and its error, the agents list and the command palette have no serious axe violations', async ({ page }) => {
    await page.goto('/agents');
    await expect(page.getByLabel('API key')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expectNoSeriousViolations(page);
    await page.getByLabel('API key').fill('not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('That API key was not accepted')).toBeVisible();
    await expectNoSeriousViolations(page);

    await signIn(page);
    await expect(page.getByRole('table', { name: 'Agents' }).getByRole('link').first()).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: 'test-results/screenshots/agents-list-dark.png', fullPage: true });

    await page.getByRole('button', { name: 'Search agents and commands' }).click();
    const palette = page.getByRole('dialog', { name: 'Search agents and commands' });
    await expect(palette.getByRole('textbox')).toBeFocused();
    await page.keyboard.type('10');
    await expect(palette.getByRole('button', { name: /^Open agent #10/ })).toHaveAttribute('data-selected', 'true');
    await expect(palette.getByRole('status')).toContainText('match');
    await expectNoSeriousViolations(page);
  });

  for (const [agentId, tabs] of Object.entries(DARK_TABS)) {
    test(`agent ${agentId}: the ${tabs.map(([tab]) => tab).join(', ')} tabs have no serious axe violations`, async ({ page }) => {
      await sweepTabs(page, agentId, tabs, '-dark');
    });
  }

  test('edit marks, an error, the review, a selected version and the restore confirmation have no serious axe violations', async ({ page }) => {
    await checkEditMarksAndReview(page, 101);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Review changes' })).toBeHidden();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Discard', exact: true }).click();

    await page.getByRole('tab', { name: /^History/ }).click();
    await checkVersionAndRestore(page);
  });
});
