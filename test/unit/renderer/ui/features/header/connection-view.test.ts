import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeConnection, describeServer } from '../../../../../../renderer/ui/features/header/connection-view';

describe('describeConnection', () => {
  test('colours each status honestly', () => {
    const tone = (status: Parameters<typeof describeConnection>[0]['status']) =>
      describeConnection({ status, message: null, since: 0 }).tone;
    assert.equal(tone('connected'), 'good');
    assert.equal(tone('live-updates-down'), 'warning');
    assert.equal(tone('reconnecting'), 'warning');
    assert.equal(tone('offline'), 'bad');
    assert.equal(tone('signing-in'), 'neutral');
    assert.equal(tone('signing-out'), 'neutral');
    assert.equal(tone('signed-out'), 'neutral');
  });

  test("carries main's message, and none for a blank one", () => {
    const view = describeConnection({
      status: 'reconnecting',
      message: ' Server not answering; retrying in 4 s ',
      since: 0,
    });
    assert.deepEqual(view, {
      tone: 'warning',
      label: 'Reconnecting',
      message: 'Server not answering; retrying in 4 s',
    });
    assert.equal(describeConnection({ status: 'offline', message: '  ', since: 0 }).message, null);
  });

  test('says when only the live updates are down, and that Earshot is retrying', () => {
    assert.equal(
      describeConnection({ status: 'live-updates-down', message: null, since: 0 }).label,
      'Live updates down — retrying',
    );
  });
});

describe('describeServer', () => {
  test('names the demo and shows a real server by host and port', () => {
    assert.equal(describeServer({ baseUrl: 'http://127.0.0.1:41234', isDemo: true }), 'Demo');
    assert.equal(describeServer({ baseUrl: 'https://gws.example.com:8090/', isDemo: false }), 'gws.example.com:8090');
    assert.equal(describeServer({ baseUrl: 'not a url', isDemo: false }), 'not a url');
  });
});
