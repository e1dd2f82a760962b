import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { expect, screenshotPath, signInToDemo, test, type EarshotHost } from './browser-host-fixture';
import { startChat } from './chat-helpers';

interface ControlAgent {
  id: string;
  userName: string;
  state: string;
}

const viewports = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

async function signedInAgents(earshot: EarshotHost, count: number): Promise<ControlAgent[]> {
  const { agents } = (await earshot.control('GET', '/state')) as { agents: ControlAgent[] };
  const signedIn = agents.filter((agent) => agent.state !== 'LoggedOut').slice(0, count);
  expect(signedIn).toHaveLength(count);
  return signedIn;
}

async function armChat(page: Page, agentId: string, mode: 'monitor' | 'coach'): Promise<void> {
  const armed = await page.getByTestId('armed-monitor').count();
  // A wide team row has its own Chats & SMS button and shows the subscription; a narrow one has both
  // in the row's Monitor menu, so the board's armed strip is where the new subscription shows.
  // Rows render after the table itself: ask which kind of row this is only once it is on screen.
  const ownButton = page.getByTestId(`messaging-menu-${agentId}`);
  await expect(ownButton.or(page.getByTestId(`agent-menu-${agentId}`))).toBeVisible();
  const wide = await ownButton.isVisible();
  if (wide) {
    await ownButton.click();
  } else {
    await page.getByTestId(`agent-menu-${agentId}`).click();
    await page.getByTestId('agent-menu').getByTestId('agent-menu-messaging').click();
  }
  await page.getByTestId(`chat-${mode}-${agentId}`).click();
  if (wide) {
    await expect(page.getByTestId(`messaging-subscription-${agentId}-chat`)).toHaveAttribute(
      'data-mode',
      mode === 'coach' ? 'Coach' : 'Monitor',
    );
  } else {
    await expect(page.getByTestId('armed-monitor')).toHaveCount(armed + 1);
  }
}

/** Wholly on screen, scroll containers' clipping included (Playwright measures with an IntersectionObserver). */
async function expectWhollyInView(card: Locator): Promise<void> {
  await expect(card).toBeInViewport({ ratio: 0.99 });
}

// Six axe scans of a full board on a shared machine: generous, and never a pass/fail on time.
test.describe.configure({ timeout: 240_000 });

for (const viewport of viewports) {
  const size = `${viewport.width}×${viewport.height}`;
  test(`board at ${size}: a coached chat stays in view while four more arrive; armed monitors, sign-out asks, You left`, async ({
    page,
    earshot,
  }) => {
    await page.setViewportSize(viewport);
    await signInToDemo(page, earshot);
    await earshot.control('POST', '/floor', { running: false });
    const [coached, ...watched] = await signedInAgents(earshot, 5);

    await armChat(page, coached!.id, 'coach');
    for (const agent of watched) await armChat(page, agent.id, 'monitor');
    const armed = page.getByTestId('armed-monitors');
    await expect(armed.getByTestId('armed-monitor')).toHaveCount(5);
    await expect(armed).toBeInViewport();

    const coachedId = await startChat(earshot, coached!.id, 'Robin Baker');
    const coachedCard = page.getByTestId(`conversation-card-${coachedId}`);
    await expect(coachedCard).toHaveAttribute('data-visibility', 'Agents');
    const cards = page.getByTestId('board-cards').locator('[data-testid^="conversation-card-"]');
    await expect(cards.first()).toHaveAttribute('data-testid', `conversation-card-${coachedId}`);

    const watchedIds: string[] = [];
    for (const [index, agent] of watched.entries()) {
      watchedIds.push(await startChat(earshot, agent.id, `Customer ${index + 1}`));
      await expect(page.getByTestId(`conversation-card-${watchedIds.at(-1)}`)).toBeAttached();
      await expectWhollyInView(coachedCard);
    }
    await expect(cards).toHaveCount(5);
    await expect(cards.first()).toHaveAttribute('data-testid', `conversation-card-${coachedId}`);
    // Armed monitors still say who is covered once the board is full.
    await expect(armed).toBeInViewport();
    await expectWhollyInView(coachedCard);

    await page.screenshot({ path: `test-results/board-${viewport.width}x${viewport.height}.png` });
    if (viewport.width === 1440) await page.screenshot({ path: screenshotPath('live-board.png') });
    await expectNoSeriousViolations(page, `the board at ${size}, light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(page, `the board at ${size}, dark`);
    if (viewport.width === 1440) await page.screenshot({ path: screenshotPath('live-board-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Signing out would end all five: it asks first and names them.
    await page.getByTestId('sign-out').click();
    const confirm = page.getByTestId('sign-out-confirm');
    await expect(confirm).toBeVisible();
    await expect(confirm.getByTestId('sign-out-ends')).toContainText('5 chats');
    await expectNoSeriousViolations(page, `the sign-out question at ${size}`);
    await confirm.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(confirm).not.toBeVisible();
    await expect(coachedCard).toBeVisible();

    // Leaving a chat: "You left", and the conversation goes on for the others.
    const leftId = watchedIds[0]!;
    const leftCard = page.getByTestId(`conversation-card-${leftId}`);
    await leftCard.getByTestId('conversation-leave').click();
    const leavePopover = page.locator('[popover]:popover-open');
    await expect(leavePopover).toBeVisible();
    await expect(leavePopover.getByTestId('conversation-farewell')).toHaveCount(0);
    await expectNoSeriousViolations(page, `the leave popover at ${size}`);
    await leavePopover.getByTestId('conversation-leave-confirm').click();
    await expect(leftCard.getByTestId('conversation-ending')).toContainText('You left');
    await expect(leftCard.getByTestId('conversation-ending')).toContainText('goes on for the agent and the customer');

    // A chat the agent puts back in the queue: "Back in queue", not Genesys's "Revoked".
    const requeuedCard = page.getByTestId(`conversation-card-${watchedIds[1]!}`);
    await earshot.control('POST', `/interactions/${watchedIds[1]!}/requeue`, {});
    await expect(requeuedCard.getByTestId('conversation-ending')).toContainText('Back in queue');
    await expect(requeuedCard).toHaveAttribute('data-state', 'requeued');
    await expect(page.getByText(/Completed|Revoked/)).toHaveCount(0);
    await expectNoSeriousViolations(page, `a chat back in the queue at ${size}`);

    await page.getByTestId('sign-out').click();
    await expect(confirm.getByTestId('sign-out-ends')).toContainText('3 chats');
    await confirm.getByTestId('sign-out-confirm-button').click();
    await expect(page.getByRole('button', { name: /^sign in$/i })).toBeVisible();
  });
}
