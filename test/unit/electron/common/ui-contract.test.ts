import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signInRequestSchema } from '../../../../electron/common/contract/sign-in';
import { isUiInvokeChannel, uiInvokeContract } from '../../../../electron/common/contract/ui-contract';

describe('the UI contract', () => {
  test('channels are named domain:verb', () => {
    for (const channel of Object.keys(uiInvokeContract)) assert.match(channel, /^[a-z]+:[a-zA-Z]+$/);
    assert.equal(isUiInvokeChannel('session:signIn'), true);
    assert.equal(isUiInvokeChannel('constructor'), false);
    assert.equal(isUiInvokeChannel('session:dropTables'), false);
  });

  test('sign-in accepts the demo and a GWS URL, with an optional SIP account', () => {
    assert.equal(
      signInRequestSchema.safeParse({ server: { kind: 'demo' }, userName: 'supervisor', password: 'demo' }).success,
      true,
    );
    const real = signInRequestSchema.parse({
      server: { kind: 'gws', baseUrl: ' https://gws.example.com:8443 ' },
      userName: 'sup',
      password: 'secret',
      sip: { webSocketUrl: 'wss://sip.example.com:8089/ws', sipUri: '5005', authorizationUser: '5005', password: 'x' },
    });
    assert.equal(real.server.kind === 'gws' && real.server.baseUrl, 'https://gws.example.com:8443');
  });

  test('sign-in refuses what a supervisor could mistype, with a message for each', () => {
    const badUrl = signInRequestSchema.safeParse({
      server: { kind: 'gws', baseUrl: 'gws.example.com' },
      userName: 'x',
      password: '',
    });
    assert.equal(badUrl.success, false);
    assert.match(badUrl.error?.issues[0]?.message ?? '', /http:\/\/host:port/);
    const ftp = signInRequestSchema.safeParse({
      server: { kind: 'gws', baseUrl: 'ftp://gws' },
      userName: 'x',
      password: '',
    });
    assert.equal(ftp.success, false);
    const noUser = signInRequestSchema.safeParse({ server: { kind: 'demo' }, userName: '  ', password: '' });
    assert.match(noUser.error?.issues[0]?.message ?? '', /user name/);
    const badSip = signInRequestSchema.safeParse({
      server: { kind: 'demo' },
      userName: 'x',
      password: '',
      sip: { webSocketUrl: 'http://sip', sipUri: '5005', authorizationUser: '', password: '' },
    });
    assert.match(badSip.error?.issues[0]?.message ?? '', /ws:\/\//);
  });
});
