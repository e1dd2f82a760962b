import type { Page } from '@playwright/test';
import { expect, screenshotPath, signInToDemo, test, type EarshotHost } from './browser-host-fixture';

interface ControlMessage {
  text: string | null;
  type: string;
  visibility: string;
  visibleTo: string[];
  recipients: Array<{ role: string | null }>;
}

async function firstAgent(earshot: EarshotHost): Promise<{ id: string; userName: string }> {
  const { agents } = (await earshot.control('GET', '/state')) as {
    agents: Array<{ id: string; userName: string; state: string }>;
  };
  return agents.find((agent) => agent.state !== 'LoggedOut')!;
}

async function monitorChannel(page: Page, agentId: string, channel: 'chat' | 'sms'): Promise<void> {
  await page.getByTestId(`messaging-menu-${agentId}`).click();
  await page.getByTestId(`${channel}-monitor-${agentId}`).click();
  await expect(page.getByTestId(`messaging-subscription-${agentId}-${channel}`)).toHaveAttribute(
    'data-mode',
    'Monitor',
  );
}

/** Signed in to a quiet demo floor, monitoring the first agent's channel, with Robin Baker's new conversation there. */
async function monitoredConversation(
  page: Page,
  earshot: EarshotHost,
  channel: 'chat' | 'sms',
): Promise<{ agent: { id: string; userName: string }; id: string }> {
  await signInToDemo(page, earshot);
  await earshot.control('POST', '/floor', { running: false });
  const agent = await firstAgent(earshot);
  await monitorChannel(page, agent.id, channel);
  const { id } = (await earshot.control('POST', `/agents/${agent.id}/interactions`, {
    kind: channel,
    customerName: 'Robin Baker',
    script: false,
  })) as { id: string };
  return { agent, id };
}

for (const channel of ['chat', 'sms'] as const) {
  test(`${channel}: read live, coach the agent alone, back to monitor, closed at the end`, async ({
    page,
    earshot,
  }) => {
    const { id } = await monitoredConversation(page, earshot, channel);
    await earshot.control('POST', `/interactions/${id}/messages`, {
      from: 'customer',
      text: 'Hi, my parcel has not arrived.',
    });
    await earshot.control('POST', `/interactions/${id}/messages`, {
      from: 'agent',
      text: 'Sorry to hear that, let me check.',
    });

    const card = page.getByTestId(`conversation-card-${id}`);
    await expect(card).toHaveAttribute('data-mode', 'Monitor');
    await expect(card).toHaveAttribute('data-visibility', 'Supervisors');
    await expect(card).toHaveAttribute('data-channel', channel);
    const transcript = page.getByTestId(`transcript-${id}`);
    await expect(transcript).toContainText('Hi, my parcel has not arrived.');
    await expect(transcript).toContainText('Sorry to hear that, let me check.');
    await expect(card.getByTestId('composer-input')).toBeDisabled();

    await card.getByTestId('conversation-switch-coach').click();
    await expect(card).toHaveAttribute('data-mode', 'Coach');
    await expect(card).toHaveAttribute('data-visibility', 'Agents');
    await card.getByTestId('composer-input').fill('Offer the express reshipment.');
    await card.getByTestId('composer-send').click();
    const coachLine = transcript.locator('[data-testid="transcript-line"]', {
      hasText: 'Offer the express reshipment.',
    });
    await expect(coachLine).toHaveAttribute('data-visibility', 'Agents');
    if (channel === 'chat') await page.screenshot({ path: screenshotPath('chat-coaching.png') });

    const log = (await earshot.control('GET', `/messaging/${id}`)) as { messages: ControlMessage[] };
    const sent = log.messages.find((message) => message.text === 'Offer the express reshipment.')!;
    expect(sent.visibility).toBe('Agents');
    expect(sent.visibleTo).not.toContain('Customer');
    expect(sent.recipients.map((recipient) => recipient.role)).not.toContain('Customer');

    await card.getByTestId('conversation-switch-monitor').click();
    await expect(card).toHaveAttribute('data-visibility', 'Supervisors');
    // Each switch (to Coach, back to Monitor) adds the supervisor's ParticipantRejoined line, as in seed 003.
    await expect(transcript.locator('[data-testid="transcript-line"][data-type="ParticipantRejoined"]')).toHaveCount(2);

    await earshot.control('POST', `/interactions/${id}/complete`);
    const ended = page.locator(`[data-testid="conversation-card-${id}"][data-state="ended"]`).first();
    await expect(ended.getByTestId('conversation-ending')).toContainText('Ended');
    await expect(page.getByTestId(`history-${id}`)).toBeAttached({ timeout: 20_000 });
  });
}

test('a live transcript follows the newest line; scrolled up it stays put and counts what arrived; typing shows', async ({
  page,
  earshot,
}) => {
  const { agent, id } = await monitoredConversation(page, earshot, 'chat');
  const say = (from: 'customer' | 'agent', text: string) =>
    earshot.control('POST', `/interactions/${id}/messages`, { from, text });
  const lines = page.getByTestId(`transcript-${id}`).getByTestId('transcript-line');

  // More lines than the transcript's height: each newest one is in view as it arrives.
  for (let index = 1; index <= 14; index += 1) {
    await say(index % 2 === 0 ? 'agent' : 'customer', `Line ${index} of a long conversation.`);
    await expect(lines.last()).toContainText(`Line ${index} of`);
    await expect(lines.last()).toBeInViewport();
  }
  await expect(lines.first()).not.toBeInViewport();

  // Time passes on the card and on the agent's row, each second.
  const duration = page.getByTestId(`conversation-card-${id}`).locator('time.call-duration');
  const durationBefore = (await duration.textContent()) ?? '';
  expect(durationBefore).toMatch(/^\d+:\d\d$/);
  await expect(duration).not.toHaveText(durationBefore);
  const timeInState = page.getByTestId(`agent-row-${agent.id}`).locator('time.time-in-state');
  const timeBefore = (await timeInState.textContent()) ?? '';
  expect(timeBefore).toMatch(/\d\d:\d\d/);
  await expect(timeInState).not.toHaveText(timeBefore);

  await earshot.control('POST', `/interactions/${id}/typing`, { from: 'customer', typing: true });
  await expect(page.getByTestId(`conversation-card-${id}`).getByTestId('typing-indicator')).toContainText(
    'Robin Baker',
  );
  await earshot.control('POST', `/interactions/${id}/typing`, { from: 'customer', typing: false });
  await expect(page.getByTestId(`conversation-card-${id}`).getByTestId('typing-indicator')).toHaveCount(0);

  // Scrolled up to read, the supervisor keeps their place; what arrives below is counted.
  await page.getByTestId(`transcript-${id}`).evaluate((element) => (element.scrollTop = 0));
  await expect(lines.first()).toBeInViewport();
  await say('customer', 'Line 15 of a long conversation.');
  await say('agent', 'Line 16 of a long conversation.');
  const unseen = page.getByTestId(`conversation-card-${id}`).getByTestId('new-messages');
  await expect(unseen).toContainText('2 new messages');
  await expect(lines.first()).toBeInViewport();
  await expect(lines.last()).not.toBeInViewport();

  await unseen.click();
  await expect(lines.last()).toContainText('Line 16 of');
  await expect(lines.last()).toBeInViewport();
  await expect(unseen).toHaveCount(0);
  await say('customer', 'Line 17 of a long conversation.');
  await expect(lines.last()).toContainText('Line 17 of');
  await expect(lines.last()).toBeInViewport();
});
