import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startBrowserHostProcess } from '../support/browser-host-process';
import { expectNoSeriousViolations } from './accessibility';
import { expect, signInToDemo, test, type EarshotHost } from './browser-host-fixture';
import { startChat } from './chat-helpers';

async function firstAgent(earshot: EarshotHost): Promise<{ id: string; displayName: string }> {
  const { agents } = (await earshot.control('GET', '/state')) as {
    agents: Array<{ id: string; state: string; displayName: string }>;
  };
  return agents.find((candidate) => candidate.state !== 'LoggedOut')!;
}

async function monitorChats(page: Page, agentId: string): Promise<void> {
  await page.getByTestId(`messaging-menu-${agentId}`).click();
  await page.getByTestId(`chat-monitor-${agentId}`).click();
  await expect(page.getByTestId(`messaging-subscription-${agentId}-chat`)).toHaveAttribute('data-mode', 'Monitor');
}

async function startMonitoredChat(
  earshot: EarshotHost,
  page: Page,
  agentId: string,
  customerName: string,
): Promise<string> {
  const id = await startChat(earshot, agentId, customerName);
  await expect(page.getByTestId(`conversation-card-${id}`)).toHaveAttribute('data-mode', 'Monitor');
  return id;
}

async function leave(page: Page, id: string): Promise<void> {
  const card = page.getByTestId(`conversation-card-${id}`);
  await card.getByTestId('conversation-leave').click();
  await page.locator('[popover]:popover-open').getByTestId('conversation-leave-confirm').click();
  await expect(card.getByTestId('conversation-ending')).toContainText('You left');
}

/** The History, opened: it starts collapsed so it never pushes the live cards away. */
async function openHistory(page: Page) {
  const history = page.getByTestId('call-history');
  await expect(history).toBeVisible();
  if ((await history.getAttribute('open')) === null) await history.locator('summary').click();
  return history;
}

test('History lists a chat with what the supervisor did, and keeps it across a sign-out', async ({ page, earshot }) => {
  await signInToDemo(page, earshot);
  await earshot.control('POST', '/floor', { running: false });
  const agent = await firstAgent(earshot);
  await monitorChats(page, agent.id);
  const id = await startMonitoredChat(earshot, page, agent.id, 'Robin Baker');
  const card = page.getByTestId(`conversation-card-${id}`);
  await card.getByTestId('conversation-switch-coach').click();
  await expect(card).toHaveAttribute('data-visibility', 'Agents');
  await leave(page, id);

  const history = await openHistory(page);
  const row = history.getByTestId(`history-${id}`);
  await expect(row).toHaveAttribute('data-channel', 'chat');
  await expect(row).toHaveAttribute('data-ending', 'you-left');
  await expect(row.getByRole('cell').nth(1)).toHaveText(agent.displayName);
  await expect(row.getByRole('cell').nth(2)).toHaveText('Robin Baker');
  await expect(row.getByTestId('history-you-did')).toHaveText(/^Monitored \d+:\d\d · Coached \d+:\d\d$/);
  await expect(row.getByTestId('history-ending')).toHaveText('You left');
  const headers = await history.getByRole('columnheader').allTextContents();
  expect(headers).toEqual([
    'Channel',
    'Agent',
    'With',
    'What you did',
    'Length',
    'How it ended',
    'Ended at',
    'Transcript',
  ]);
  await expect(history).not.toContainText(/Revoked|Completed/);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/history.png' });
  await expectNoSeriousViolations(page, 'the board with its history open');

  // This session's transcript is still in main: it opens from the row.
  await row.getByTestId(`history-open-${id}`).click();
  const dialog = page.getByTestId('history-transcript');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Hello, Robin Baker here.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).not.toBeVisible();

  // The board's scroll region, history and all, is reached from the keyboard.
  const scroll = page.getByTestId('board-scroll');
  await scroll.focus();
  await expect(scroll).toBeFocused();

  // Nothing is live any more, so signing out does not ask.
  await page.getByTestId('sign-out').click();
  await page.getByRole('button', { name: /^sign in$/i }).click();
  await expect(page.getByTestId('team-table')).toBeVisible();
  const again = (await openHistory(page)).getByTestId(`history-${id}`);
  await expect(again.getByTestId('history-you-did')).toHaveText(/^Monitored \d+:\d\d · Coached \d+:\d\d$/);
  await expect(again.getByTestId('history-ending')).toHaveText('You left');
  await expect(again.getByTestId('history-transcript-not-kept')).toHaveText('Not kept');
  await expect(again.getByTestId(`history-open-${id}`)).toHaveCount(0);
  await expectNoSeriousViolations(page, 'the history after signing in again');
});

base('History survives a restart; a chat live when Earshot stopped ended when it closed', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'earshot-history-e2e-'));
  try {
    let host = await startBrowserHostProcess([], { dataDirectory: folder });
    let left: string;
    let open: string;
    try {
      await signInToDemo(page, host);
      await host.control('POST', '/floor', { running: false });
      const agent = await firstAgent(host);
      await monitorChats(page, agent.id);
      left = await startMonitoredChat(host, page, agent.id, 'Robin Baker');
      await leave(page, left);
      open = await startMonitoredChat(host, page, agent.id, 'Sam Quinn');
    } finally {
      await host.stop();
    }

    host = await startBrowserHostProcess([], { dataDirectory: folder });
    try {
      await signInToDemo(page, host);
      const history = await openHistory(page);
      await expect(history.getByTestId(`history-${left}`).getByTestId('history-ending')).toHaveText('You left');
      await expect(history.getByTestId(`history-${left}`).getByTestId('history-you-did')).toHaveText(
        /^Monitored \d+:\d\d$/,
      );
      await expect(history.getByTestId(`history-${open}`).getByTestId('history-ending')).toHaveText('Earshot closed');
    } finally {
      await host.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
