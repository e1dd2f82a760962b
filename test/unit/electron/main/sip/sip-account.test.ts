import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toMediaSipAccount } from '../../../../../electron/main/sip/sip-account';

test('a bare extension takes the WebSocket host as its domain; the user part is the default auth user', () => {
  const account = toMediaSipAccount(
    { webSocketUrl: 'wss://sip.example.com:8089/ws', sipUri: '5005', authorizationUser: '', password: 'p' },
    'Sam',
  );
  assert.deepEqual(account, {
    webSocketUrl: 'wss://sip.example.com:8089/ws',
    sipUri: 'sip:5005@sip.example.com',
    authorizationUser: '5005',
    password: 'p',
    displayName: 'Sam',
  });
});

test('a full SIP URI and an explicit authorization user are kept', () => {
  const account = toMediaSipAccount(
    { webSocketUrl: 'ws://127.0.0.1:5066', sipUri: 'sip:sam@pbx.local', authorizationUser: 'auth-sam', password: 'p' },
    'Sam',
  );
  assert.equal(account.sipUri, 'sip:sam@pbx.local');
  assert.equal(account.authorizationUser, 'auth-sam');
});
