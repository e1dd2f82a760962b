import type { Locator, Page } from '@playwright/test';
import { expect, signInToDemo, test, type EarshotHost } from './browser-host-fixture';

interface ControlAgent {
  id: string;
  state: string;
  interactions: Array<{ kind: string }>;
}

/** A Ready agent the live floor left without a call before it was paused. */
function freeAgent(agents: ReadonlyArray<ControlAgent>): ControlAgent {
  const agent = agents.find((candidate) => candidate.state === 'Ready' && candidate.interactions.length === 0);
  if (agent === undefined) throw new Error('no Ready agent without interactions on the demo floor');
  return agent;
}
interface ServerCall {
  id: string;
  state: string;
  mode: string;
  monitoredUserMuted: boolean;
  rtpFromSupervisor: Record<'ListenIn' | 'Coach' | 'BargeIn', { packets: number }>;
}
interface ServerConversation {
  participants: Array<{ role: string; userName: string | null; mode: string | null; present: boolean }>;
}
interface MainCall {
  id: string;
  state: string;
  mode: string;
  microphone: string;
  agentMuted: boolean;
  pendingCommand: string | null;
}
interface MainConversation {
  id: string;
  mode: string;
  ended: boolean;
  pendingCommand: string | null;
}

/** Commands that change a call or a conversation; typing must never send one. */
const callCommands = new Set([
  'voice:switchMode',
  'voice:muteAgent',
  'voice:hangUp',
  'voice:cancelMonitoring',
  'messaging:switchMode',
  'messaging:leave',
  'messaging:send',
]);

/** What a supervisor types by accident, and the keys and the chord themselves. */
async function typeEverything(page: Page): Promise<void> {
  await page.keyboard.type('be nice');
  await page.keyboard.type('Hi there');
  await page.keyboard.type('LBMH');
  await page.keyboard.press('Shift+H');
  await page.keyboard.press('Control+Shift+B');
  for (const key of ['l', 'b', 'm', 'L', 'B', 'M', '/']) await page.keyboard.press(key);
}

/** Text fields by what they are, enabled or not: the same test the app's focus classification makes. */
const textFields =
  'textarea, [contenteditable]:not([contenteditable="false"]), input:is([type="text"], [type="search"], ' +
  '[type="email"], [type="password"], [type="url"], [type="tel"], [type="number"], [type="date"], ' +
  '[type="datetime-local"], [type="month"], [type="time"], [type="week"], :not([type]))';

/** The toast is a manual popover too; the supervisor works only in auto ones. */
const openPopover = '[popover="auto"]:popover-open';

async function visibleTextFields(scope: Locator): Promise<Locator[]> {
  const all = await scope.locator(textFields).all();
  const visible: Locator[] = [];
  for (const field of all) if (await field.isVisible()) visible.push(field);
  return visible;
}

function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) return 'body';
    return active.getAttribute('data-testid') ?? `${active.tagName.toLowerCase()}.${active.className}`;
  });
}

/** Clicks into the field as a person does (disabled or read-only included) and types everything. */
async function typeInto(page: Page, field: Locator): Promise<string> {
  const label = (await field.getAttribute('data-testid')) ?? (await field.getAttribute('aria-label')) ?? 'a field';
  await field.click({ force: true });
  expect(await field.evaluate((element) => element === document.activeElement), `${label} has the focus`).toBe(true);
  await typeEverything(page);
  return label;
}

async function mainState(page: Page): Promise<{ calls: MainCall[]; conversations: MainConversation[] }> {
  return page.evaluate(async () => {
    const bridge = (
      window as unknown as {
        earshot: {
          invoke(
            channel: string,
            request: object,
          ): Promise<{
            ok: boolean;
            value: { state: { voice: { calls: MainCall[] }; messaging: { conversations: MainConversation[] } } };
          }>;
        };
      }
    ).earshot;
    const result = await bridge.invoke('state:get', {});
    return { calls: result.value.state.voice.calls, conversations: result.value.state.messaging.conversations };
  });
}

async function serverCall(earshot: EarshotHost): Promise<ServerCall | undefined> {
  const { calls } = (await earshot.control('GET', '/voice')) as { calls: ServerCall[] };
  return calls.find((call) => call.state !== 'Released');
}

async function supervisorInChat(earshot: EarshotHost, id: string) {
  const conversation = (await earshot.control('GET', `/messaging/${id}`)) as ServerConversation;
  return conversation.participants.find((person) => person.role === 'supervisor');
}

/** Records every moment the focus is left on the page body after an element lost it. */
function watchBodyFocus(): void {
  const fell: string[] = [];
  Object.assign(window, { __focusFell: fell });
  document.addEventListener(
    'focusout',
    (event) => {
      if (event.relatedTarget !== null) return;
      const from =
        event.target instanceof Element ? (event.target.getAttribute('data-testid') ?? event.target.tagName) : '?';
      setTimeout(() => {
        if (document.hasFocus() && document.activeElement === document.body) fell.push(from);
      }, 0);
    },
    true,
  );
}

function focusFalls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __focusFell: string[] }).__focusFell.splice(0));
}

interface Floor {
  callCard: Locator;
  chatCard: Locator;
  chatId: string;
  voiceAgent: string;
  sent: string[];
}

/** A monitored call in ListenIn and a chat in Monitor mode, both up, with the commands the page sends recorded. */
async function monitoredFloor(page: Page, earshot: EarshotHost): Promise<Floor> {
  const sent: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      try {
        const frame = JSON.parse(String(payload)) as { kind?: string; channel?: string };
        if (frame.kind === 'invoke' && frame.channel) sent.push(frame.channel);
      } catch {
        // Not one of the bridge's frames.
      }
    }),
  );
  await page.addInitScript(watchBodyFocus);
  // The audio page answers the monitoring call.
  const media = await page.context().newPage();
  await media.goto(earshot.mediaUrl);
  await signInToDemo(page, earshot);
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered');
  await earshot.control('POST', '/floor', { running: false });
  const { agents } = (await earshot.control('GET', '/state')) as { agents: ControlAgent[] };
  const voiceAgent = freeAgent(agents);
  const chatAgent = agents.find((agent) => agent.state !== 'LoggedOut' && agent.id !== voiceAgent.id)!;

  await page.getByTestId(`monitor-listen-${voiceAgent.id}`).click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
  // The Listen button went away with the click; the focus went to its row, not to the page.
  expect(await describeFocus(page)).toBe(`agent-row-${voiceAgent.id}`);
  await earshot.control('POST', `/agents/${voiceAgent.id}/calls`, {});
  const callCard = page.locator('[data-testid^="call-card-"]');
  await expect(callCard).toHaveAttribute('data-state', 'established');
  await expect(callCard).toHaveAttribute('data-audience', 'nobody');

  await page.getByTestId(`messaging-menu-${chatAgent.id}`).click();
  await page.getByTestId(`chat-monitor-${chatAgent.id}`).click();
  await expect(page.getByTestId(`messaging-subscription-${chatAgent.id}-chat`)).toHaveAttribute('data-mode', 'Monitor');
  expect(await describeFocus(page)).toBe(`messaging-menu-${chatAgent.id}`);
  const { id: chatId } = (await earshot.control('POST', `/agents/${chatAgent.id}/interactions`, {
    kind: 'chat',
    customerName: 'Robin Baker',
    script: false,
  })) as { id: string };
  const chatCard = page.getByTestId(`conversation-card-${chatId}`);
  await expect(chatCard).toHaveAttribute('data-mode', 'Monitor');
  await expect(chatCard.getByTestId('composer-input')).toHaveAttribute('aria-disabled', 'true');
  return { callCard, chatCard, chatId, voiceAgent: voiceAgent.id, sent };
}

/** Nothing about the call or the chat changed: checked in main, at the demo contact center and in the page. */
async function expectUnchanged(page: Page, earshot: EarshotHost, floor: Floor, where: string): Promise<void> {
  expect(
    floor.sent.filter((channel) => callCommands.has(channel)),
    `${where}: commands sent`,
  ).toEqual([]);
  const main = await mainState(page);
  expect(main.calls, where).toHaveLength(1);
  expect(main.calls[0], where).toMatchObject({
    state: 'established',
    mode: 'ListenIn',
    microphone: 'closed',
    agentMuted: false,
    pendingCommand: null,
  });
  expect(
    main.conversations.find((conversation) => conversation.id === floor.chatId),
    where,
  ).toMatchObject({
    mode: 'Monitor',
    ended: false,
    pendingCommand: null,
  });
  const call = await serverCall(earshot);
  expect(call, where).toMatchObject({ state: 'Established', mode: 'ListenIn', monitoredUserMuted: false });
  expect(call?.rtpFromSupervisor.BargeIn.packets, where).toBe(0);
  expect(call?.rtpFromSupervisor.Coach.packets, where).toBe(0);
  expect(await supervisorInChat(earshot, floor.chatId), where).toMatchObject({ mode: 'Monitor', present: true });
}

test('typing into any text field, enabled or not, never changes the monitored call or chat', async ({
  page,
  earshot,
}) => {
  // Some thirty keys into each of a dozen fields, on a shared machine.
  test.setTimeout(240_000);
  const floor = await monitoredFloor(page, earshot);
  floor.sent.length = 0;
  const typedInto: string[] = [];

  // On the page: the team filter and the composer that Monitor mode leaves read-only.
  const onPage = await visibleTextFields(page.locator('body'));
  expect(onPage.length).toBeGreaterThanOrEqual(2);
  for (const field of onPage) {
    typedInto.push(await typeInto(page, field));
    await page.keyboard.press('Escape');
  }
  expect(typedInto).toEqual(expect.arrayContaining(['Filter agents', 'composer-input']));
  await expectUnchanged(page, earshot, floor, 'the page');

  // In popovers: the nickname of the Chats & SMS menu. Leave offers no farewell in Monitor, where
  // only supervisors would read it.
  await floor.chatCard.getByTestId('conversation-leave').click();
  expect(await visibleTextFields(page.locator(openPopover))).toHaveLength(0);
  await page.locator(openPopover).getByRole('button', { name: 'Stay' }).click();
  await expect(page.locator(openPopover)).toHaveCount(0);
  await page.getByTestId(`messaging-menu-${floor.voiceAgent}`).click();
  const nickname = await visibleTextFields(page.locator(openPopover));
  expect(nickname).toHaveLength(1);
  typedInto.push(await typeInto(page, nickname[0]!));
  await page.keyboard.press('Escape');
  await expectUnchanged(page, earshot, floor, 'the popovers');

  // In dialogs: every field of the settings (the browser edition has no hotkey fields: it has no
  // global hotkeys) and of the audit trail.
  for (const [button, dialog, expected] of [
    ['settings-button', 'settings-panel', 1],
    ['audit-button', 'audit-view', 4],
  ] as const) {
    await page.getByTestId(button).click();
    const fields = await visibleTextFields(page.getByTestId(dialog));
    expect(fields.length, dialog).toBeGreaterThanOrEqual(expected);
    for (const field of fields) typedInto.push(await typeInto(page, field));
    // Escape in a search field clears it rather than closing the dialog.
    await page
      .getByTestId(dialog)
      .getByRole('button', { name: /^Close/ })
      .click();
    await expect(page.getByTestId(dialog)).not.toBeVisible();
    await expectUnchanged(page, earshot, floor, dialog);
  }
  // The read-only diagnostics of Copy diagnostics, shown when the clipboard refuses.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('refused for the test'));
  });
  await page.getByTestId('settings-button').click();
  await page.getByTestId('copy-diagnostics').click();
  // The diagnostics are read from main first: the dialog opens when they arrive.
  await expect(page.getByTestId('copy-fallback')).toBeVisible();
  const diagnostics = await visibleTextFields(page.getByTestId('copy-fallback'));
  expect(diagnostics).toHaveLength(1);
  typedInto.push(await typeInto(page, diagnostics[0]!));
  await page.getByTestId('copy-fallback').getByRole('button', { name: 'Close' }).click();
  await page
    .getByTestId('settings-panel')
    .getByRole('button', { name: /^Close/ })
    .click();
  await expectUnchanged(page, earshot, floor, 'the diagnostics');

  expect(typedInto).toEqual(
    expect.arrayContaining([
      'messaging-nickname',
      'settings-nickname',
      'audit-filter-agent',
      'audit-filter-from',
      'audit-filter-text',
      'Diagnostics',
    ]),
  );

  // A click on plain text inside an open popover leaves the focus outside it: still no key acts.
  await page.getByTestId('monitor-options-button').click();
  await page.getByTestId('monitor-timing-note').click();
  await expect(page.locator(openPopover)).toHaveCount(1);
  expect(await page.evaluate(() => document.activeElement?.closest('[popover]') ?? null)).toBeNull();
  await page.keyboard.press('Control+Shift+B');
  await page.keyboard.press('m');
  await page.keyboard.press('Escape');
  await expectUnchanged(page, earshot, floor, 'plain text in a popover');
});

test('outside text fields the chord barges in and L listens; focus never falls to the page after an action', async ({
  page,
  earshot,
}) => {
  const floor = await monitoredFloor(page, earshot);
  const { callCard, chatCard } = floor;
  await focusFalls(page);

  // The card holds the focus: B alone is text, the chord goes live, L goes back.
  await callCard.click({ position: { x: 8, y: 8 } });
  expect(await describeFocus(page)).toMatch(/^call-card-/);
  await expect(page.getByTestId('shortcut-legend').locator('[data-command]')).toHaveText([
    /Ctrl\s*Shift\s*B\s*Barge in/,
    /M\s*Mute/,
    /Shift\s*H\s*Hang up/,
  ]);
  for (const key of ['b', 'B', 'Shift+B', 'Control+B', 'Alt+Shift+B']) await page.keyboard.press(key);
  await expectUnchanged(page, earshot, floor, 'B without the chord');
  await page.keyboard.press('Control+Shift+B');
  await expect(callCard).toHaveAttribute('data-microphone', 'open');
  await expect.poll(async () => (await serverCall(earshot))?.mode).toBe('BargeIn');
  await page.keyboard.press('l');
  await expect(callCard).toHaveAttribute('data-audience', 'nobody');
  await expect.poll(async () => (await serverCall(earshot))?.mode).toBe('ListenIn');

  // Clicked switches keep the focus, and end up pressed.
  await page.getByTestId('switch-barge').click();
  await expect(callCard).toHaveAttribute('data-mode', 'BargeIn');
  expect(await describeFocus(page)).toBe('switch-barge');
  await page.getByTestId('switch-listen').click();
  await expect(callCard).toHaveAttribute('data-mode', 'ListenIn');
  await expect(callCard).toHaveAttribute('data-microphone', 'closed');
  expect(await describeFocus(page)).toBe('switch-listen');

  await chatCard.getByTestId('conversation-switch-coach').click();
  await expect(chatCard).toHaveAttribute('data-mode', 'Coach');
  expect(await describeFocus(page)).toBe('conversation-switch-coach');
  await chatCard.getByTestId('conversation-switch-monitor').click();
  await expect(chatCard).toHaveAttribute('data-mode', 'Monitor');
  expect(await describeFocus(page)).toBe('conversation-switch-monitor');

  // Leave: the popover hands the focus back to Leave, and "Move now" takes it over when the chat ends.
  await chatCard.getByTestId('conversation-leave').click();
  await page.getByTestId('conversation-leave-confirm').click();
  await expect(chatCard).toHaveAttribute('data-ended', 'true');
  await expect.poll(() => describeFocus(page)).toMatch(/^button\..*conversation-card__ending-dismiss/);
  await chatCard.getByRole('button', { name: 'Move now' }).click();
  await expect(chatCard).toHaveCount(0);
  expect(await describeFocus(page)).toMatch(/^(monitoring-board|board-scroll)$/);

  // Hang up: the card goes, the board keeps the focus.
  await page.getByTestId('hang-up').click();
  await expect(callCard).toHaveCount(0);
  expect(await describeFocus(page)).toMatch(/^(monitoring-board|board-scroll)$/);

  // Cancel on the row: the Listen, Coach and Barge in buttons come back, the row keeps the focus.
  await page.getByTestId('monitoring-cancel').click();
  await expect(page.getByTestId(`monitor-listen-${floor.voiceAgent}`)).toBeVisible();
  expect(await describeFocus(page)).toBe(`agent-row-${floor.voiceAgent}`);

  // Closing a dialog hands the focus back to what opened it.
  await page.getByTestId('settings-button').click();
  await page.keyboard.press('Escape');
  expect(await describeFocus(page)).toBe('settings-button');

  expect(await focusFalls(page)).toEqual([]);
});

test('with single-key shortcuts turned off only the chord is left, and the legend says so', async ({
  page,
  earshot,
}) => {
  const floor = await monitoredFloor(page, earshot);
  await page.getByTestId('settings-button').click();
  const toggle = page.getByTestId('settings-single-key-shortcuts');
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await page.keyboard.press('Escape');
  floor.sent.length = 0;

  await floor.callCard.click({ position: { x: 8, y: 8 } });
  await expect(page.getByTestId('shortcut-legend').locator('[data-command]')).toHaveText([
    /Ctrl\s*Shift\s*B\s*Barge in/,
  ]);
  await page.keyboard.press('m');
  await page.keyboard.press('Shift+H');
  await page.keyboard.press('/');
  await expectUnchanged(page, earshot, floor, 'single keys off');
  await expect(page.getByRole('searchbox', { name: 'Filter agents' })).not.toBeFocused();
  await expect(page.getByTestId('hang-up')).not.toHaveAttribute('aria-keyshortcuts');
  await expect(page.getByTestId('switch-barge')).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+B');

  await page.keyboard.press('Control+Shift+B');
  await expect(floor.callCard).toHaveAttribute('data-microphone', 'open');
  await expect.poll(async () => (await serverCall(earshot))?.mode).toBe('BargeIn');
  await page.keyboard.press('l');
  expect(floor.sent.filter((channel) => channel === 'voice:switchMode')).toHaveLength(1);
  await page.getByTestId('switch-listen').click();
  await expect(floor.callCard).toHaveAttribute('data-audience', 'nobody');
});

test('the monitor buttons say before the click when they start and who will hear', async ({ page, earshot }) => {
  await signInToDemo(page, earshot);
  await earshot.control('POST', '/floor', { running: false });
  const { agents } = (await earshot.control('GET', '/state')) as { agents: ControlAgent[] };
  const agent = freeAgent(agents);
  const barge = page.getByTestId(`monitor-barge-${agent.id}`);
  const listen = page.getByTestId(`monitor-listen-${agent.id}`);
  await expect(listen).toHaveAccessibleName(/^Listen/);
  await expect(listen).toHaveAccessibleDescription(/: silent, nobody hears you\. From .*’s next call\./);
  await expect(barge).toHaveAccessibleName(/^Barge in/);
  await expect(barge).toHaveAccessibleDescription(/From .*’s next call\./);

  await earshot.control('POST', `/agents/${agent.id}/calls`, {});
  await expect(barge).toHaveAccessibleDescription(/Now, joining the call in progress/);
  await expect(listen).toHaveAccessibleDescription(/next call, not the one in progress/);
  await expect(page.getByTestId(`monitor-coach-${agent.id}`)).toHaveAccessibleDescription(
    /next call, not the one in progress/,
  );
});
