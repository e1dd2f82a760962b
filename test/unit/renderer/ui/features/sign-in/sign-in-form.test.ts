import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildSignInRequest,
  firstEmptyField,
  hasSipError,
  hasSipInput,
  initialSignInFields,
} from '../../../../../../renderer/ui/features/sign-in/sign-in-form';
import type { SignInFields } from '../../../../../../renderer/ui/features/sign-in/sign-in-form';

const demoDefaults = { demo: { available: true, userName: 'demo.supervisor', password: 'demo' }, lastServer: null };

function gwsFields(overrides: Partial<SignInFields> = {}): SignInFields {
  return {
    ...initialSignInFields(null),
    baseUrl: 'https://gws.example.com:8090',
    userName: 'jsmith',
    password: 'secret',
    ...overrides,
  };
}

describe('initialSignInFields', () => {
  test('offers the demo, filled in, when it is available', () => {
    const fields = initialSignInFields(demoDefaults);
    assert.equal(fields.mode, 'demo');
    assert.equal(fields.demoUserName, 'demo.supervisor');
    assert.equal(fields.demoPassword, 'demo');
    assert.equal(firstEmptyField(fields), null);
  });

  test('starts on the server form with the last server remembered, cursor on the password', () => {
    const fields = initialSignInFields({
      demo: { available: false, userName: '', password: '' },
      lastServer: { baseUrl: 'https://gws.example.com', userName: 'jsmith' },
    });
    assert.equal(fields.mode, 'gws');
    assert.equal(fields.baseUrl, 'https://gws.example.com');
    assert.equal(firstEmptyField(fields), 'password');
  });

  test('without defaults, starts on the server form at the address', () => {
    assert.equal(firstEmptyField(initialSignInFields(null)), 'baseUrl');
  });
});

describe('buildSignInRequest', () => {
  test('the demo sends only its credentials', () => {
    const built = buildSignInRequest(initialSignInFields(demoDefaults));
    assert.deepEqual(built, {
      ok: true,
      request: { server: { kind: 'demo' }, userName: 'demo.supervisor', password: 'demo' },
    });
  });

  test('a server sign-in is trimmed by the contract schema and sends no SIP account when none was typed', () => {
    const built = buildSignInRequest(gwsFields({ baseUrl: '  https://gws.example.com:8090 ', userName: ' jsmith ' }));
    assert.deepEqual(built, {
      ok: true,
      request: {
        server: { kind: 'gws', baseUrl: 'https://gws.example.com:8090' },
        userName: 'jsmith',
        password: 'secret',
      },
    });
  });

  test('a typed SIP account is sent whole', () => {
    const fields = gwsFields({ sipWebSocketUrl: 'wss://sip.example.com/ws', sipUri: '5005', sipPassword: 'pw' });
    assert.equal(hasSipInput(fields), true);
    const built = buildSignInRequest(fields);
    assert.equal(built.ok, true);
    if (built.ok) {
      assert.deepEqual(built.request.sip, {
        webSocketUrl: 'wss://sip.example.com/ws',
        sipUri: '5005',
        authorizationUser: '',
        password: 'pw',
      });
    }
  });

  test('maps schema messages onto the fields, first invalid in form order', () => {
    const built = buildSignInRequest(gwsFields({ baseUrl: 'ftp://gws', userName: '  ' }));
    assert.equal(built.ok, false);
    if (!built.ok) {
      assert.deepEqual(Object.keys(built.fieldErrors).sort(), ['baseUrl', 'userName']);
      assert.match(built.fieldErrors.baseUrl ?? '', /http:\/\/host:port/);
      assert.equal(built.fieldErrors.userName, 'Enter your user name');
      assert.equal(built.firstInvalid, 'baseUrl');
      assert.deepEqual(built.formErrors, []);
      assert.equal(hasSipError(built.fieldErrors), false);
    }
  });

  test('SIP problems land on the SIP fields', () => {
    const built = buildSignInRequest(
      gwsFields({ sipWebSocketUrl: 'http://sip.example.com', sipAuthorizationUser: 'agent' }),
    );
    assert.equal(built.ok, false);
    if (!built.ok) {
      assert.match(built.fieldErrors.sipWebSocketUrl ?? '', /ws:\/\//);
      assert.equal(built.fieldErrors.sipUri, 'Enter the SIP URI or extension');
      assert.equal(built.firstInvalid, 'sipWebSocketUrl');
      assert.equal(hasSipError(built.fieldErrors), true);
    }
  });

  test('demo credentials errors land on the demo fields', () => {
    const built = buildSignInRequest({ ...initialSignInFields(demoDefaults), demoUserName: '' });
    assert.equal(built.ok, false);
    if (!built.ok) {
      assert.equal(built.fieldErrors.demoUserName, 'Enter your user name');
      assert.equal(built.firstInvalid, 'demoUserName');
    }
  });
});
