import assert from 'node:assert/strict';
import type { CometD } from 'cometd';
import { describe, test } from 'node:test';
import { startSimulator } from '../../../electron/simulator/index';
import { GwsTestClient, control, createCometd, disconnect, handshake, subscribe, waitFor } from './gws-test-client';
import type { ControlConversation } from './messaging-harness';

async function conversations(baseUrl: string): Promise<ControlConversation[]> {
  return (await control(baseUrl, 'GET', '/messaging')).json.interactions as ControlConversation[];
}

describe('chat and SMS on the live floor', () => {
  test('the floor opens with conversations already under way, and the same seed opens the same ones', async () => {
    // Each floor is stopped as soon as it opens: what it does next runs on the clock, and a busy
    // machine would let one floor get further than the other before they are read.
    const first = await startSimulator({ seed: 11 });
    await control(first.baseUrl, 'POST', '/floor', { running: false });
    const second = await startSimulator({ seed: 11 });
    await control(second.baseUrl, 'POST', '/floor', { running: false });
    try {
      const [a, b] = await Promise.all([conversations(first.baseUrl), conversations(second.baseUrl)]);
      assert.ok(a.length >= 3, `several conversations at opening, got ${a.length}`);
      assert.ok(
        a.some((item) => item.kind === 'chat') && a.some((item) => item.kind === 'sms'),
        'chats and SMS sessions',
      );
      assert.ok(
        a.some(
          (item) =>
            item.messages.filter((message) => message.type === 'Text' && message.from.role === 'agent').length >= 1,
        ),
        'some have a history with the agent’s lines already',
      );
      const opening = (items: readonly ControlConversation[]) =>
        items.map((item) => [
          item.id,
          item.kind,
          item.agent,
          item.messages.slice(0, 1).map((message) => [message.type, message.text]),
        ]);
      assert.deepEqual(opening(a), opening(b));
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  test('a supervisor who starts monitoring a working agent soon has a scripted conversation that talks by itself', async () => {
    const simulator = await startSimulator({ seed: 4 });
    let cometd: CometD | null = null;
    try {
      const rest = new GwsTestClient(simulator.baseUrl);
      await rest.signIn(simulator.demo);
      await rest.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice', 'chat', 'sms'] });
      const events: Array<Record<string, unknown>> = [];
      cometd = createCometd(simulator.baseUrl, { cookie: rest.cookieHeader });
      await handshake(cometd);
      await subscribe(cometd, '/v2/me/chats', (message) => events.push(message.data as Record<string, unknown>));

      const state = await control(simulator.baseUrl, 'GET', '/state');
      const candidates = (state.json.agents as Array<{ id: string; userName: string; state: string }>).filter(
        (agent) => agent.state === 'Ready',
      );
      assert.ok(candidates.length > 0, 'someone is Ready');
      for (const agent of candidates) {
        assert.deepEqual(
          (
            await rest.post(`/api/v2/users/${agent.id}/channels/chat`, {
              operationName: 'Monitor',
              supervisorMonitoringMode: 'NextChat',
            })
          ).json,
          {
            statusCode: 0,
          },
        );
      }

      const delivered = await waitFor(
        'a monitored chat',
        () =>
          events.find(
            (event) =>
              event.messageType === 'ChatStateChangeMessage' && (event.chat as { state: string }).state === 'Chatting',
          ),
        20_000,
      );
      const id = (delivered.chat as { id: string }).id;
      const logsOf = () =>
        events.filter((event) => event.messageType === 'MessageLogUpdated' && String(event.chatUri).endsWith(`/${id}`));
      const history = await waitFor('its history', () => logsOf()[0]);
      const historyLength = (history.messages as unknown[]).length;
      const scripted = await waitFor(
        'a scripted line after the delivery',
        () =>
          logsOf()
            .slice(1)
            .flatMap((event) => event.messages as Array<{ type: string; index: number; text?: string }>)
            .find((message) => message.type === 'Text'),
        30_000,
      );
      assert.ok(scripted.index > historyLength);
      assert.ok(scripted.text && scripted.text.length > 0);
    } finally {
      if (cometd) await disconnect(cometd);
      await simulator.stop();
    }
  });
});
