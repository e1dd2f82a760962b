import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { startBrowserHostProcess } from '../support/browser-host-process';
import { screenshotPath, type EarshotHost } from './browser-host-fixture';

interface ControlAgent {
  id: string;
  userName: string;
  displayName: string;
  groups: string[];
  state: string;
  interactions: unknown[];
}

const agentCount = 500;

/** The browser edition with a 500-agent demo floor, paused once signed in so rows hold still. */
const test = base.extend<{ earshot: EarshotHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  earshot: async ({}, use) => {
    const host = await startBrowserHostProcess(['--demo-agents', String(agentCount)]);
    try {
      await use(host);
    } finally {
      await host.stop();
    }
  },
});

async function signInToLargeFloor(page: Page, earshot: EarshotHost): Promise<ControlAgent[]> {
  await page.goto(earshot.url);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByTestId('team-summary')).toHaveText(`${agentCount} agents`, { timeout: 30_000 });
  await earshot.control('POST', '/floor', { running: false });
  return ((await earshot.control('GET', '/state')) as { agents: ControlAgent[] }).agents;
}

const scroller = (page: Page) => page.getByTestId('team-table-scroll');
const focusedAgentId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-agent-id') ?? null);

// Tracing records a snapshot per action of a page whose clocks tick in a hundred cells: on a shared
// build machine that alone takes minutes. Failures still leave a screenshot.
test.use({ trace: 'off' });

test.describe('a 500-agent floor', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('signs in, filters, sorts and scrolls to the last agent with the keyboard; busy agents are not Ready', async ({
    page,
    earshot,
  }) => {
    // Five hundred agents on a shared build machine: generous, since this is no timing test.
    test.setTimeout(180_000);
    const agents = await signInToLargeFloor(page, earshot);
    expect(agents).toHaveLength(agentCount);
    const grid = page.getByTestId('team-table');
    await expect(grid).toHaveAttribute('aria-rowcount', String(agentCount + 1));
    const rendered = await page.locator('[data-testid^="agent-row-"]').count();
    expect(rendered).toBeLessThan(100);

    // Filter by a user name, then by an agent group.
    const someone = agents[321]!;
    await page.getByLabel('Filter agents').fill(someone.userName);
    await expect(page.getByTestId(`agent-row-${someone.id}`)).toBeVisible();
    await page.getByLabel('Filter agents').fill('');
    const group = someone.groups[0]!;
    const inGroup = agents.filter((agent) => agent.groups.includes(group)).length;
    await page.getByTestId('group-filter').selectOption(group);
    await expect(page.getByTestId('team-summary')).toHaveText(`${inGroup} of ${agentCount} agents`);
    await expect(grid).toHaveAttribute('aria-rowcount', String(inGroup + 1));
    const groupsShown = await page.locator('.agent-row .cell-group').allTextContents();
    expect(groupsShown.length).toBeGreaterThan(0);
    expect(new Set(groupsShown)).toEqual(new Set([group]));
    await page.getByTestId('group-filter').selectOption('');

    // Sorted by name already; once more is descending. Then to the end with the keyboard.
    await page.getByTestId('sort-name').click();
    await expect(page.locator('[role="columnheader"][aria-sort="descending"]')).toHaveCount(1);
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const byNameDescending = [...agents].sort(
      (a, b) => collator.compare(b.displayName, a.displayName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const first = page.locator('.agent-row[aria-rowindex="2"]');
    await expect(first).toHaveAttribute('data-agent-id', byNameDescending[0]!.id);
    await first.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    const last = byNameDescending.at(-1)!;
    await expect.poll(() => focusedAgentId(page)).toBe(last.id);
    const lastRow = page.getByTestId(`agent-row-${last.id}`);
    await expect(lastRow).toHaveAttribute('aria-rowindex', String(agentCount + 1));
    await expect(lastRow).toBeInViewport();
    await expect(lastRow).toContainText(last.displayName);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedAgentId(page)).toBe(byNameDescending.at(-2)!.id);
    await page.keyboard.press('PageUp');
    const afterPageUp = await focusedAgentId(page);
    expect(byNameDescending.findIndex((agent) => agent.id === afterPageUp)).toBeLessThan(agentCount - 5);

    // Scrolled far away by the wheel, the focused row stays rendered and keeps the focus.
    const focusedBefore = await focusedAgentId(page);
    await scroller(page).evaluate((element) => (element.scrollTop = 0));
    await expect(page.locator('.agent-row[aria-rowindex="2"]')).toBeVisible();
    expect(await focusedAgentId(page)).toBe(focusedBefore);
    await page.keyboard.press('Home');
    await expect.poll(() => focusedAgentId(page)).toBe(byNameDescending[0]!.id);

    // An agent who takes a call is Busy, not Ready, and the call shows how long it has lasted.
    const ready = agents.find(
      (agent) => agent.state === 'Ready' && agent.interactions.length === 0 && agent.id !== byNameDescending[0]!.id,
    )!;
    const readyChip = page.getByTestId('state-chip-Ready');
    await page.getByLabel('Filter agents').fill(ready.userName);
    const row = page.getByTestId(`agent-row-${ready.id}`);
    await expect(row).toHaveAttribute('data-status', 'Ready');
    await expect(readyChip).toContainText('1');
    await earshot.control('POST', `/agents/${ready.id}/calls`, {});
    await expect(row).toHaveAttribute('data-status', 'Busy', { timeout: 15_000 });
    await expect(row.locator('.cell-state')).toHaveText('On call');
    await expect(row.locator('.badge--call')).toHaveText(/\d\d:\d\d/);
    await expect(readyChip).toContainText('0');
    await expect(page.getByTestId('state-chip-Busy')).toContainText('1');
  });

  test('every agent’s name is whole at 1024, 1280, 1440 and 1920 px, light and dark', async ({ page, earshot }) => {
    test.setTimeout(300_000);
    await signInToLargeFloor(page, earshot);
    const sizes = [
      { width: 1024, height: 700 },
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ];
    for (const size of sizes) {
      await page.setViewportSize(size);
      // One pass in the page, a screenful at a time, so the check does not wait on a round trip per screen.
      const scan = await scroller(page).evaluate(async (element) => {
        const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const checked = new Set<string>();
        const problems: string[] = [];
        element.scrollTop = 0;
        // The rows a scroll brings come with the virtualizer's next render, later on a busy machine:
        // wait (a bounded number of frames) until rendered rows cover the whole visible area. The rows
        // in the page come from one render, run on without a gap (but for the focusable row, the first
        // here) and each sits where its index puts it, so a row across the first line under the header
        // and one across the last visible line mean none in view is missing (rows from before a scroll
        // of a screenful never reach its last line).
        const covered = () => {
          const top = element.getBoundingClientRect().top + element.clientTop;
          const rows = [...element.querySelectorAll<HTMLElement>('.agent-row')].map((row) =>
            row.getBoundingClientRect(),
          );
          const crosses = (y: number) => rows.some((row) => row.top <= y && row.bottom >= y);
          return crosses(top + 60) && crosses(top + element.clientHeight - 2);
        };
        for (let step = 0; step < 200; step += 1) {
          await nextFrame();
          for (let wait = 0; wait < 120 && !covered(); wait += 1) await nextFrame();
          const box = element.getBoundingClientRect();
          for (const row of element.querySelectorAll<HTMLElement>('.agent-row')) {
            const name = row.querySelector<HTMLElement>('.agent-name')!;
            const cell = name.parentElement!;
            const nameBox = name.getBoundingClientRect();
            const cellRight = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
            checked.add(row.dataset.agentId!);
            const whole = nameBox.width > 0 && nameBox.right <= cellRight + 0.5;
            const inView = nameBox.left >= box.left && nameBox.right <= box.right;
            if (!whole || !inView) problems.push(name.textContent ?? '');
          }
          const before = element.scrollTop;
          element.scrollTop += element.clientHeight - 40;
          if (element.scrollTop === before) break;
        }
        return { checked: checked.size, problems: [...new Set(problems)] };
      });
      expect(scan.problems, `names cut at ${size.width} px`).toEqual([]);
      expect(scan.checked).toBe(agentCount);
      const overflow = await scroller(page).evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow, `no sideways scrolling at ${size.width} px`).toBeLessThanOrEqual(0);

      await scroller(page).evaluate((element) => (element.scrollTop = 0));
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: screenshotPath(`team-${size.width}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  test('axe finds nothing serious or critical in the team view, light and dark, wide and narrow', async ({
    page,
    earshot,
  }) => {
    test.setTimeout(400_000);
    await signInToLargeFloor(page, earshot);
    for (const [size, schemes] of [
      [{ width: 1440, height: 900 }, ['light', 'dark']],
      [{ width: 1024, height: 700 }, ['light']],
    ] as const) {
      await page.setViewportSize(size);
      for (const scheme of schemes) {
        await page.emulateMedia({ colorScheme: scheme });
        const results = await new AxeBuilder({ page })
          .include('.team-view')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          // Off by default in axe (experimental): a visible label inside the accessible name, WCAG 2.5.3.
          .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
          .analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id} (${violation.nodes.length}): ${violation.nodes[0]?.target.join(' ')}`);
        expect(serious, `${size.width} px, ${scheme}`).toEqual([]);
      }
    }
  });

  test('a logged-out agent offers no Listen, Coach or Barge in and says why, on the row and in the narrow menu', async ({
    page,
    earshot,
  }) => {
    test.setTimeout(120_000);
    const agents = await signInToLargeFloor(page, earshot);
    const agent = agents.find((candidate) => candidate.state === 'LoggedOut')!;
    await page.getByTestId('state-chip-LoggedOut').click();
    await page.getByLabel('Filter agents').fill(agent.userName);
    const row = page.getByTestId(`agent-row-${agent.id}`);
    await expect(row.getByTestId('monitor-unavailable')).toHaveText('Logged out — nothing to monitor');
    await expect(row.getByRole('button', { name: /^(Listen|Coach|Barge in)/ })).toHaveCount(0);
    // Chats and SMS keep their menu: a subscription already there stays visible and can be cancelled.
    await expect(row.getByTestId(`messaging-menu-${agent.id}`)).toBeVisible();
    await page.screenshot({ path: screenshotPath('team-logged-out-1440.png') });

    await page.setViewportSize({ width: 1024, height: 700 });
    await row.getByTestId(`agent-menu-${agent.id}`).click();
    const menu = page.getByTestId('agent-menu');
    await expect(menu.getByTestId('agent-menu-unavailable')).toHaveText('Logged out — nothing to monitor');
    await expect(menu.getByTestId('agent-menu-listen')).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('team-logged-out-menu-1024.png') });
  });

  test('in a narrow window a row’s actions are one Monitor menu that starts and cancels monitoring', async ({
    page,
    earshot,
  }) => {
    test.setTimeout(120_000);
    const agents = await signInToLargeFloor(page, earshot);
    await page.setViewportSize({ width: 1024, height: 700 });
    const agent = agents.find((candidate) => candidate.state !== 'LoggedOut')!;
    await page.getByLabel('Filter agents').fill(agent.userName);
    const row = page.getByTestId(`agent-row-${agent.id}`);
    await expect(row.getByTestId(`monitor-listen-${agent.id}`)).toBeHidden();
    await row.getByTestId(`agent-menu-${agent.id}`).click();
    const menu = page.getByTestId('agent-menu');
    await expect(menu).toBeVisible();
    await expect(menu).toContainText(agent.displayName);
    await menu.getByTestId('agent-menu-listen').click();
    await expect(menu).toBeHidden();
    await expect(row.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
    await row.getByTestId(`agent-menu-${agent.id}`).click();
    await menu.getByTestId('monitoring-cancel').click();
    await expect(row.getByTestId('monitoring-subscription')).toHaveCount(0);
    await expect(menu.getByTestId('agent-menu-listen')).toBeVisible();
    await menu.getByTestId('agent-menu-messaging').click();
    const messagingMenu = page.getByTestId('messaging-menu');
    await expect(messagingMenu).toContainText(agent.displayName);
    // A choice there ends the errand: both menus close, and the row says what was started.
    await messagingMenu.getByTestId(`chat-monitor-${agent.id}`).click();
    await expect(messagingMenu).toBeHidden();
    await expect(menu).toBeHidden();
    await expect(page.getByTestId('armed-monitor')).toHaveCount(1);

    // One menu serves every row: another row's Monitor moves it to that row rather than closing it.
    await page.getByLabel('Filter agents').fill('');
    const triggers = page.getByTestId('team-table').locator('button.agent-menu-trigger');
    const nameOf = async (index: number) =>
      ((await triggers.nth(index).textContent()) ?? '').replace(/^Monitor\s*/, '');
    // The rows follow a cleared filter in a deferred render: take names only once the whole team is back.
    await expect(page.getByTestId('team-table')).not.toHaveAttribute('aria-busy', 'true');
    await expect(triggers.nth(1)).toBeVisible();
    const first = await nameOf(0);
    await triggers.nth(0).click();
    await expect(menu).toContainText(first);
    const second = await nameOf(1);
    await triggers.nth(1).click();
    await expect(menu).toBeVisible();
    await expect(menu).toContainText(second);
    await expect(menu.getByTestId('agent-menu-messaging')).toBeVisible();
  });
});
