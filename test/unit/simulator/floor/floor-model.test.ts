import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FloorModel, type FloorEvent } from '../../../../electron/simulator/floor/floor-model';
import { InteractionIds } from '../../../../electron/simulator/floor/interaction-ids';

function model(reportError?: (error: unknown) => void): { floor: FloorModel; events: FloorEvent[] } {
  const floor = new FloorModel({
    userIds: ['ana', 'ben', 'sup'],
    initial: new Map([
      ['ana', { kind: 'Ready' }],
      ['ben', { kind: 'NotReady', reason: 'Break' }],
    ]),
    ids: new InteractionIds(1),
    now: () => 1_000_000,
    reportError,
  });
  const events: FloorEvent[] = [];
  floor.subscribe((event) => events.push(event));
  return { floor, events };
}

describe('FloorModel', () => {
  test('opening states; users without one start logged out', () => {
    const { floor } = model();
    assert.equal(floor.status('ana')?.kind, 'Ready');
    assert.deepEqual(floor.status('ben'), { kind: 'NotReady', reason: 'Break', since: 1_000_000 });
    assert.equal(floor.status('sup')?.kind, 'LoggedOut');
    assert.equal(floor.status('nobody'), undefined);
  });

  test('state changes are announced once; only NotReady keeps a reason', () => {
    const { floor, events } = model();
    assert.equal(floor.setState('ana', 'AfterCallWork', 'ignored').ok, true);
    assert.equal(floor.status('ana')?.reason, null);
    floor.setState('ana', 'AfterCallWork');
    assert.equal(events.length, 1, 'no event for a no-op');
    const event = events[0];
    assert.equal(event?.type, 'stateChanged');
    assert.equal(event.type === 'stateChanged' && event.previous.kind, 'Ready');
    assert.equal(floor.setState('nobody', 'Ready').ok, false);
  });

  test('a call rings, is established and ends; one call at a time; never for a logged-out agent', () => {
    const { floor, events } = model();
    const call = floor.offerCall('ana');
    assert.ok(call.ok);
    assert.match(call.value.id, /^[0-9A-Z]{32}$/);
    assert.match(call.value.connId, /^[0-9a-f]{16}$/);
    assert.equal(call.value.state, 'Ringing');
    assert.equal(floor.offerCall('ana').ok, false);
    assert.equal(floor.offerCall('sup').ok, false);
    const established = floor.establishCall(call.value.id);
    assert.ok(established.ok);
    assert.equal(floor.callOf('ana')?.state, 'Established');
    assert.equal(floor.establishCall(call.value.id).ok, false);
    assert.ok(floor.endInteraction(call.value.id).ok);
    assert.equal(floor.endInteraction(call.value.id).ok, false);
    assert.deepEqual(
      events.map((event) => event.type),
      ['interactionStarted', 'callEstablished', 'interactionEnded'],
    );
  });

  test('a caller’s number can be given; an established call transfers to a free, logged-in agent', () => {
    const { floor, events } = model();
    const call = floor.offerCall('ana', { customerNumber: '+14155550100' });
    assert.ok(call.ok);
    assert.equal(call.value.customer.phoneNumber, '+14155550100');
    assert.equal(floor.transferCall(call.value.id, 'ben').ok, false, 'a ringing call stays');
    floor.establishCall(call.value.id);
    assert.equal(floor.transferCall(call.value.id, 'ana').ok, false, 'not to the same agent');
    assert.equal(floor.transferCall(call.value.id, 'sup').ok, false, 'not to a logged-out user');
    assert.equal(floor.transferCall('nothing', 'ben').ok, false);
    const moved = floor.transferCall(call.value.id, 'ben');
    assert.ok(moved.ok);
    assert.equal(moved.value.id, call.value.id);
    assert.equal(floor.callOf('ana'), undefined);
    assert.equal(floor.callOf('ben')?.id, call.value.id);
    const last = events.at(-1);
    assert.equal(last?.type, 'callTransferred');
    assert.equal(last?.type === 'callTransferred' && last.fromAgentId, 'ana');
    const second = floor.offerCall('ana');
    assert.ok(second.ok);
    floor.establishCall(second.value.id);
    assert.equal(floor.transferCall(second.value.id, 'ben').ok, false, 'ben is on a call');
  });

  test('chats and SMS sessions get 16-character ids; logging out ends all work first', () => {
    const { floor, events } = model();
    const chat = floor.startText('ana', 'chat');
    const sms = floor.startText('ana', 'sms');
    assert.ok(chat.ok && sms.ok);
    assert.match(chat.value.id, /^[0-9A-Za-z]{16}$/);
    assert.notEqual(chat.value.id, sms.value.id);
    assert.equal(floor.interactionsOf('ana').length, 2);
    assert.equal(floor.interactionsOf('ana', 'sms').length, 1);
    floor.setState('ana', 'LoggedOut');
    assert.deepEqual(floor.interactionsOf('ana'), []);
    assert.deepEqual(
      events.slice(-3).map((event) => event.type),
      ['interactionEnded', 'interactionEnded', 'stateChanged'],
    );
    assert.equal(floor.startText('ana', 'chat').ok, false);
  });

  test('a failing listener is reported and does not stop the others', () => {
    const errors: unknown[] = [];
    const { floor, events } = model((error) => errors.push(error));
    floor.subscribe(() => {
      throw new Error('boom');
    });
    floor.setState('ana', 'NotReady', 'Lunch');
    assert.equal(events.length, 1);
    assert.equal(errors.length, 1);
    assert.equal(floor.status('ana')?.reason, 'Lunch');
  });
});
