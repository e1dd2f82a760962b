import fc from 'fast-check';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { z } from 'zod';
import { appStateSchema, type AppState } from '../../../../../electron/common/models/app-state';
import { stateChangesFrameSchema } from '../../../../../electron/common/models/state-changes';
import { err, ok, type Result } from '../../../../../electron/common/result';
import { isWellFormedText } from '../../../../../electron/common/uri-text';
import { deriveAgent, teamGroups } from '../../../../../electron/main/contact-center/agent-derivation';
import { readContact, readConversations } from '../../../../../electron/main/contact-center/agent-mapping';
import { GwsApi } from '../../../../../electron/main/contact-center/gws-api';
import type { GwsRequest, HttpTransport } from '../../../../../electron/main/contact-center/http-transport';
import { readWholeTeam } from '../../../../../electron/main/contact-center/team-roster';
import { callSchema, callStateChangeMessageSchema } from '../../../../../electron/main/contact-center/wire/calls';
import { parseGwsDate, statusBodySchema } from '../../../../../electron/main/contact-center/wire/common';
import {
  chatStateChangeMessageSchema,
  conversationListResponseSchema,
  conversationResponseSchema,
  idFromLink,
  messageLogUpdatedSchema,
  messagesResponseSchema,
  parseMessagingNotification,
  participantUserId,
  smsStateChangeMessageSchema,
  wireConversationSchema,
  wireMessageSchema,
} from '../../../../../electron/main/contact-center/wire/messaging';
import {
  deviceStateChangeMessageSchema,
  notificationEnvelopeSchema,
  type NotificationEnvelope,
} from '../../../../../electron/main/contact-center/wire/notifications';
import {
  contactSchema,
  contactsResponseSchema,
  userResponseSchema,
  userSchema,
  type WireUser,
} from '../../../../../electron/main/contact-center/wire/users';
import type { MessagingGws } from '../../../../../electron/main/monitoring/messaging-gws';
import {
  MessagingMonitoring,
  type MessagingSession,
} from '../../../../../electron/main/monitoring/messaging-monitoring';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import { signedIn, withTeamAgents } from '../../../../../electron/main/state/app-state-reducers';
import { createAppStore, updateAppState } from '../../../../../electron/main/state/app-store';
import { diffState } from '../../../../../electron/main/state/state-changes';
import * as messagingSamples from '../../../../fixtures/gws/messaging-samples';
import * as samples from '../../../../fixtures/gws/samples';
import { arbitraryOf, fuzzInputFor, mutatedJson } from '../../../../support/zod-arbitrary';

/**
 * No input from GWS may take Earshot down: every notification and response parser either accepts a
 * value the store can hold or fails with a reason. The input is derived from the wire schemas
 * themselves and from the documented samples, then broken on purpose (bad % escapes, lone
 * surrogates, huge numbers, prototype keys, wrong types). Runs are bounded by count and by time.
 */

const runs = { numRuns: 150, interruptAfterTimeLimit: 20_000 };

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

function assertPrototypeUntouched(): void {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeNames);
}

/** What the broadcast does with every value that reaches the app state: it must survive JSON. */
function assertSerializable(value: unknown): void {
  assert.doesNotThrow(() => JSON.stringify(value));
}

/** The state main broadcasts must still be a valid AppState after the JSON trip to the UI. */
function assertValidState(state: AppState): void {
  const copy = JSON.parse(JSON.stringify(state)) as unknown;
  const parsed = appStateSchema.safeParse(copy);
  assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
}

const messagingNotificationSamples = [
  messagingSamples.seed003ParticipantsUpdated,
  messagingSamples.seed003MessageLog,
  messagingSamples.chatSwitchParticipantsUpdated,
  messagingSamples.chatSwitchMessageLog,
  messagingSamples.chatInvitedEnvelope,
  messagingSamples.chatAcceptedStatusChange,
  messagingSamples.chatAcceptedParticipantsUpdated,
  messagingSamples.chatLeftChat,
  messagingSamples.chatCompleted,
  messagingSamples.chatSendMessageLog,
  messagingSamples.smsSendMessageLog,
  messagingSamples.chatCustomNoticeLog,
  messagingSamples.smsBargedInParticipantsUpdated,
  messagingSamples.deliveredChatEnvelope,
  messagingSamples.deliveredChatHistoryEnvelope,
  messagingSamples.unusualLinesLog,
  messagingSamples.revokedChatEnvelope,
];

const notificationSamples = [
  samples.listenInDeviceNotification,
  samples.listenInByPhoneNumberNotification,
  samples.bareDeviceNotification,
  ...messagingNotificationSamples,
];

/** The `data` of an envelope, or the bare message where a sample has no envelope. */
function dataOf(sample: unknown): unknown {
  return typeof sample === 'object' && sample !== null && 'data' in sample ? sample.data : sample;
}

const parsers: ReadonlyArray<readonly [string, z.ZodType, readonly unknown[]]> = [
  ['notification envelope', notificationEnvelopeSchema, notificationSamples],
  ['DeviceStateChangeMessage', deviceStateChangeMessageSchema, notificationSamples.map(dataOf)],
  ['CallStateChangeMessage', callStateChangeMessageSchema, []],
  ['call', callSchema, []],
  ['status body', statusBodySchema, [samples.accessDenied, samples.statusInsteadOfStatusCode, samples.meResponse]],
  ['user response', userResponseSchema, [samples.meResponse]],
  ['user', userSchema, [samples.meResponse.user]],
  ['contacts response', contactsResponseSchema, [samples.contactsResponse]],
  ['contact', contactSchema, samples.contactsResponse.contacts],
  ['ChatStateChangeMessage', chatStateChangeMessageSchema, messagingNotificationSamples.map(dataOf)],
  ['SMSsessionStateChangeMessage', smsStateChangeMessageSchema, messagingNotificationSamples.map(dataOf)],
  ['MessageLogUpdated', messageLogUpdatedSchema, messagingNotificationSamples.map(dataOf)],
  ['conversation', wireConversationSchema, [messagingSamples.smsSessionResource]],
  ['message', wireMessageSchema, messagingSamples.messagesResponse.messages],
  ['messages response', messagesResponseSchema, [messagingSamples.messagesResponse]],
  [
    'conversation list response',
    conversationListResponseSchema,
    [messagingSamples.smsListResponse, messagingSamples.chatLinksResponse],
  ],
  ['conversation response', conversationResponseSchema, [messagingSamples.chatResponse]],
];

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

before(() => process.on('unhandledRejection', onUnhandled));
after(() => process.off('unhandledRejection', onUnhandled));

describe('GWS parsers under hostile input', () => {
  for (const [name, schema, seeds] of parsers) {
    test(`${name}: safeParse never throws, and what it accepts survives JSON`, () => {
      fc.assert(
        fc.property(fuzzInputFor(schema, seeds), (input) => {
          const parsed = schema.safeParse(input);
          if (parsed.success) assertSerializable(parsed.data);
          else assert.ok(parsed.error.issues.length > 0 && parsed.error.message.length > 0);
          assertPrototypeUntouched();
        }),
        runs,
      );
    });
  }

  test('chat and SMS notifications: parsed or refused with a reason, never thrown', () => {
    const input = fc.oneof(
      mutatedJson(fc.constantFrom(...messagingNotificationSamples.map(dataOf))),
      fuzzInputFor(messageLogUpdatedSchema),
      fuzzInputFor(chatStateChangeMessageSchema),
      fuzzInputFor(smsStateChangeMessageSchema),
    );
    fc.assert(
      fc.property(input, fc.constantFrom('/v2/me/chats', '/v2/me/smssessions', ''), (data, topic) => {
        const parsed = parseMessagingNotification(data, topic);
        if (!parsed.ok) {
          assert.ok(parsed.reason.length > 0);
          return;
        }
        assertSerializable(parsed.value);
        if (parsed.value.kind === 'log') assert.ok(isWellFormedText(parsed.value.conversationId));
      }),
      runs,
    );
  });

  test('links and dates: malformed escapes and surrogates give null, never an exception', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      mutatedJson(fc.constantFrom('http://h/api/v2/chats/0002', '/users/abc', '2016-03-16 09:55:18.000+1000')),
    );
    fc.assert(
      fc.property(text, (value) => {
        const link = typeof value === 'string' ? value : JSON.stringify(value);
        const id = idFromLink(link);
        assert.ok(id === null || (id.length > 0 && isWellFormedText(id)));
        const userId = participantUserId({ uri: link, path: link });
        assert.ok(userId === null || isWellFormedText(userId));
        const date = parseGwsDate(link);
        assert.ok(date === null || Number.isFinite(date));
      }),
      runs,
    );
  });

  test('the chat URI with a broken % escape that once took the browser edition down is refused with a reason', () => {
    for (const chatUri of [
      'http://127.0.0.1:8080/api/v2/chats/%E0%A4%A',
      'http://127.0.0.1:8080/api/v2/chats/%',
      'http://127.0.0.1:8080/api/v2/chats/%ED%A0%80',
    ]) {
      const data = { messageType: 'MessageLogUpdated', notificationType: 'NewMessages', chatUri, messages: [] };
      assert.doesNotThrow(() => messageLogUpdatedSchema.safeParse(data));
      const parsed = parseMessagingNotification(data, '/v2/me/chats');
      assert.equal(parsed.ok, false);
      assert.match(parsed.ok ? '' : parsed.reason, /names no chat or SMS session/);
    }
  });

  test('huge numbers in durations, timestamps and indices are refused, not turned into Infinity', () => {
    assert.equal(callSchema.safeParse({ id: 'c1', state: 'Established', duration: '9'.repeat(400) }).success, false);
    assert.equal(wireMessageSchema.safeParse({ index: 1, timestampSeconds: 1e308 }).success, false);
    assert.equal(wireMessageSchema.safeParse({ index: '9'.repeat(400) }).success, false);
    assert.equal(userSchema.safeParse({ id: '\uD800', userName: 'x' }).success, false);
  });
});

/** GWS as GwsApi sees it through the real transport: the body has been checked for a statusCode. */
function transportAnswering(body: (request: GwsRequest) => unknown): HttpTransport {
  const fake = {
    baseUrl: 'http://127.0.0.1:1',
    async request(request: GwsRequest): Promise<Result<{ httpStatus: number; body: Record<string, unknown> }>> {
      const status = statusBodySchema.safeParse(body(request));
      if (!status.success) return err('not-gws', 'not GWS', status.error.message);
      return ok({ httpStatus: 200, body: status.data });
    },
  };
  return fake as unknown as HttpTransport;
}

/** An agent as the roster derives them from one read. */
function agentOf(contact: ReturnType<typeof readContact>, conversations: ReturnType<typeof readConversations> | null) {
  return deriveAgent(
    undefined,
    { contact, contactReadAt: 1, conversations, conversationsReadAt: conversations === null ? null : 1 },
    { readAt: 1, previousReadAt: null, selfId: messagingSamples.supervisorUserId },
  );
}

function signedInStore() {
  const store = createAppStore(() => 0);
  updateAppState(store, (state) =>
    signedIn(
      state,
      {
        supervisor: { id: messagingSamples.supervisorUserId, userName: 'supervisor', displayName: 'Sam Rivera' },
        server: { baseUrl: 'http://127.0.0.1:1', isDemo: false },
      },
      0,
    ),
  );
  return store;
}

describe('what GWS answers, all the way into the store', () => {
  test('the team: contacts and agents’ users of any shape leave a valid app state', async () => {
    const contacts = fuzzInputFor(contactsResponseSchema, [samples.contactsResponse]);
    const users = fuzzInputFor(userResponseSchema, [samples.meResponse, samples.agentSmsSessionsResponse]);
    await fc.assert(
      fc.asyncProperty(contacts, fc.array(users, { minLength: 1, maxLength: 3 }), async (contactsBody, userBodies) => {
        let next = 0;
        const api = new GwsApi(
          transportAnswering((request) =>
            request.path === '/api/v2/contacts' ? contactsBody : userBodies[next++ % userBodies.length],
          ),
          createMemoryLogger(),
        );
        const team = await readWholeTeam(api, { pageLimit: 100, parallel: 3 });
        if (!team.ok) return;
        const store = signedInStore();
        const user = userResponseSchema.safeParse(userBodies[0]);
        const conversations = user.success && user.data.user ? readConversations(user.data.user) : null;
        const agents = team.value.contacts.map((contact) => agentOf(readContact(contact), conversations));
        updateAppState(store, (state) => withTeamAgents(state, { agents, groups: teamGroups(agents) }, 1));
        const again = agents.map((agent) => ({ ...agent }));
        updateAppState(store, (state) => withTeamAgents(state, { agents: again, groups: teamGroups(again) }, 2));
        assertValidState(store.getState());
      }),
      runs,
    );
  });

  test('a contact that parses always maps to an agent the store accepts', () => {
    fc.assert(
      fc.property(fuzzInputFor(contactSchema, samples.contactsResponse.contacts), (input) => {
        const contact = contactSchema.safeParse(input);
        if (!contact.success) return;
        const store = signedInStore();
        const agent = agentOf(readContact(contact.data), null);
        updateAppState(store, (state) => withTeamAgents(state, { agents: [agent], groups: teamGroups([agent]) }, 1));
        assertValidState(store.getState());
      }),
      runs,
    );
  });

  test('chat and SMS monitoring fed hostile notifications and reads keeps a valid state and never rejects', async () => {
    const notifications = fc.array(
      fc.oneof(
        mutatedJson(fc.constantFrom(...messagingNotificationSamples)),
        fuzzInputFor(notificationEnvelopeSchema, messagingNotificationSamples),
      ),
      { minLength: 1, maxLength: 6 },
    );
    const reads = fc.array(
      fc.oneof(
        fuzzInputFor(conversationResponseSchema, [messagingSamples.chatResponse]),
        fuzzInputFor(messagesResponseSchema, [messagingSamples.messagesResponse]),
        fuzzInputFor(conversationListResponseSchema, [messagingSamples.smsListResponse]),
        arbitraryOf(statusBodySchema),
      ),
      { minLength: 1, maxLength: 4 },
    );
    const snapshot = fuzzInputFor(userSchema, [samples.meResponse.user]);
    await fc.assert(
      fc.asyncProperty(notifications, reads, snapshot, async (deliveries, bodies, user) => {
        unhandled = [];
        const store = signedInStore();
        let read = 0;
        const gws: MessagingGws = {
          operation: async () => ok(null),
          get: async () => {
            const status = statusBodySchema.safeParse(bodies[read++ % bodies.length]);
            return status.success ? ok(status.data) : err('not-gws', 'not GWS', status.error.message);
          },
        };
        const notificationListeners = new Set<(notification: NotificationEnvelope) => void>();
        const snapshotListeners = new Set<(user: WireUser) => void>();
        const session: MessagingSession = {
          api: gws,
          onNotification: (listener) => {
            notificationListeners.add(listener);
            return () => notificationListeners.delete(listener);
          },
          onUserSnapshot: (listener) => {
            snapshotListeners.add(listener);
            return () => snapshotListeners.delete(listener);
          },
        };
        const service = new MessagingMonitoring({ session, store, logger: createMemoryLogger() });
        // What a window would be sent: every change must pass the contract after JSON.
        const frames: unknown[] = [];
        const stopFollowing = store.subscribe((state, previous) => {
          const changes = diffState(previous, state);
          if (changes !== null) frames.push(JSON.parse(JSON.stringify({ seq: frames.length + 1, changes })));
        });
        const parsedUser = userSchema.safeParse(user);
        if (parsedUser.success) for (const listener of snapshotListeners) listener(parsedUser.data);
        for (const delivery of deliveries) {
          // Exactly what NotificationChannel does with a CometD delivery before anyone sees it.
          const envelope = notificationEnvelopeSchema.safeParse(delivery);
          if (envelope.success) for (const listener of notificationListeners) listener(envelope.data);
        }
        for (let turn = 0; turn < 30; turn += 1) await new Promise((resolve) => setImmediate(resolve));
        service.dispose();
        assertValidState(store.getState());
        stopFollowing();
        for (const frame of frames) {
          const parsed = stateChangesFrameSchema.safeParse(frame);
          assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
        }
        assert.deepEqual(unhandled, []);
      }),
      { ...runs, numRuns: 100 },
    );
  });
});
