import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addedProfileId,
  buildProfileInput,
  buildProfileSignIn,
  fieldsFromProfile,
  fieldsWithoutProfile,
  isRemembered,
  preselectedProfile,
  profileEdited,
  suggestedProfileName,
  unencryptedAcceptedBy,
} from '../../../../../../renderer/ui/features/sign-in/server-profiles';
import { initialSignInFields, unencryptedOfFields } from '../../../../../../renderer/ui/features/sign-in/sign-in-form';
import { makeProfile, makeSettingsView } from '../../fixtures';

const withSip = makeProfile({
  id: 'eu',
  name: 'Contoso EU',
  gwsUrl: 'https://gws.contoso.eu:8090',
  userName: 'sreyes',
  sip: { webSocketUrl: 'wss://sbc.contoso.eu/ws', sipUri: 'sip:5900@contoso.eu', authorizationUser: '5900' },
  rememberPassword: true,
});
const withoutSip = makeProfile({ id: 'us', name: 'Contoso US', gwsUrl: 'http://10.0.0.1:8080', userName: 'sofia' });
const demoDefaults = { demo: { available: true, userName: 'demo', password: 'demo' }, lastServer: null };

describe('profile → form', () => {
  test('fills the server form from the profile and leaves both passwords empty', () => {
    const typed = { ...initialSignInFields(demoDefaults), password: 'old', sipPassword: 'old-sip' };
    assert.deepEqual(fieldsFromProfile(typed, withSip), {
      ...typed,
      mode: 'gws',
      baseUrl: 'https://gws.contoso.eu:8090',
      userName: 'sreyes',
      password: '',
      sipWebSocketUrl: 'wss://sbc.contoso.eu/ws',
      sipUri: 'sip:5900@contoso.eu',
      sipAuthorizationUser: '5900',
      sipPassword: '',
    });
    const noSip = fieldsFromProfile(typed, withoutSip);
    assert.equal(noSip.sipUri, '');
    assert.equal(noSip.sipWebSocketUrl, '');
  });

  test('another server starts empty, the demo credentials kept', () => {
    const fields = fieldsWithoutProfile(fieldsFromProfile(initialSignInFields(demoDefaults), withSip));
    assert.equal(fields.baseUrl, '');
    assert.equal(fields.sipUri, '');
    assert.equal(fields.demoUserName, 'demo');
  });

  test('the last profile opens the server form even where the demo is offered', () => {
    const fields = initialSignInFields(demoDefaults, withSip);
    assert.equal(fields.mode, 'gws');
    assert.equal(fields.baseUrl, withSip.gwsUrl);
  });
});

describe('profileEdited', () => {
  const fields = fieldsFromProfile(initialSignInFields(null), withSip);

  test('the profile as filled in, passwords typed or not, is unchanged; spaces around do not count', () => {
    assert.equal(profileEdited(withSip, fields, 'Contoso EU'), false);
    assert.equal(profileEdited(withSip, { ...fields, password: 'x', sipPassword: 'y' }, 'Contoso EU'), false);
    assert.equal(profileEdited(withSip, { ...fields, userName: ' sreyes ' }, ' Contoso EU'), false);
  });

  test('a new name, address, user or SIP part is a change; so is emptying the SIP section', () => {
    assert.equal(profileEdited(withSip, fields, 'Contoso Europe'), true);
    assert.equal(profileEdited(withSip, { ...fields, baseUrl: 'https://other' }, 'Contoso EU'), true);
    assert.equal(profileEdited(withSip, { ...fields, sipAuthorizationUser: '' }, 'Contoso EU'), true);
    const emptied = { ...fields, sipWebSocketUrl: '', sipUri: '', sipAuthorizationUser: '' };
    assert.equal(profileEdited(withSip, emptied, 'Contoso EU'), true);
    const usFields = fieldsFromProfile(initialSignInFields(null), withoutSip);
    assert.equal(profileEdited(withoutSip, usFields, 'Contoso US'), false);
    assert.equal(profileEdited(withoutSip, { ...usFields, sipUri: '5005' }, 'Contoso US'), true);
  });
});

describe('buildProfileInput', () => {
  test('sends what the contract takes, trimmed, never a password', () => {
    const fields = { ...fieldsFromProfile(initialSignInFields(null), withSip), password: 'secret', sipPassword: 's' };
    const built = buildProfileInput(fields, ' Contoso EU ', 'eu');
    assert.deepEqual(built, {
      ok: true,
      input: {
        id: 'eu',
        name: 'Contoso EU',
        gwsUrl: 'https://gws.contoso.eu:8090',
        userName: 'sreyes',
        sip: { webSocketUrl: 'wss://sbc.contoso.eu/ws', sipUri: 'sip:5900@contoso.eu', authorizationUser: '5900' },
        caCertificate: null,
      },
    });
    assert.equal(JSON.stringify(built).includes('secret'), false);
  });

  test('a new profile has no id, and an empty SIP section is none', () => {
    const fields = {
      ...initialSignInFields(null),
      baseUrl: 'https://gws.example.com',
      userName: 'a',
      sipPassword: 'x',
    };
    assert.deepEqual(buildProfileInput(fields, 'Example', null), {
      ok: true,
      input: { name: 'Example', gwsUrl: 'https://gws.example.com', userName: 'a', sip: null, caCertificate: null },
    });
  });

  test('problems land on the fields the form shows, the name apart', () => {
    const fields = { ...initialSignInFields(null), baseUrl: 'gws.example.com', sipUri: '5005' };
    const built = buildProfileInput(fields, '  ', null);
    assert.equal(built.ok, false);
    if (built.ok) return;
    assert.match(built.fieldErrors.baseUrl ?? '', /server address/);
    assert.match(built.fieldErrors.sipWebSocketUrl ?? '', /SIP WebSocket address/);
    assert.equal(built.fieldErrors.sipUri, undefined);
    assert.equal(built.nameError, 'Give the server a name');
    assert.deepEqual(built.formErrors, []);
  });
});

describe('buildProfileSignIn', () => {
  test('passwords left empty are left out, so main uses the remembered ones', () => {
    assert.deepEqual(buildProfileSignIn('eu', { password: '', sipPassword: '' }, true), {
      profileId: 'eu',
      rememberPassword: true,
    });
    assert.deepEqual(buildProfileSignIn('eu', { password: 'pw', sipPassword: 'sp' }, false), {
      profileId: 'eu',
      password: 'pw',
      sipPassword: 'sp',
      rememberPassword: false,
    });
  });
});

describe('signing in without encryption', () => {
  const lan = makeProfile({
    id: 'lan',
    gwsUrl: 'http://gws.lan:8090',
    sip: { webSocketUrl: 'ws://sip.lan/ws', sipUri: 'sip:5005@lan', authorizationUser: '5005' },
    acceptedUnencryptedUrls: ['http://gws.lan:8090', 'ws://sip.lan/ws'],
  });

  test('the form finds http:// and ws:// to another computer, only in the server form', () => {
    const fields = fieldsFromProfile(initialSignInFields(null), lan);
    assert.deepEqual(
      unencryptedOfFields(fields).map((transport) => transport.link),
      ['gws', 'sip'],
    );
    assert.deepEqual(unencryptedOfFields({ ...fields, mode: 'demo' }), []);
    assert.deepEqual(
      unencryptedOfFields({
        ...fields,
        baseUrl: 'https://gws.lan',
        sipWebSocketUrl: '',
        sipUri: '',
        sipAuthorizationUser: '',
      }),
      [],
    );
  });

  test('the box starts ticked only where the profile agreed to every such address', () => {
    const fields = fieldsFromProfile(initialSignInFields(null), lan);
    assert.equal(unencryptedAcceptedBy(lan, unencryptedOfFields(fields)), true);
    const moved = { ...fields, baseUrl: 'http://other.lan:8090' };
    assert.equal(unencryptedAcceptedBy(lan, unencryptedOfFields(moved)), false);
    assert.equal(unencryptedAcceptedBy(null, unencryptedOfFields(fields)), false);
    assert.equal(unencryptedAcceptedBy(lan, []), false);
  });

  test('the agreement travels with the profile sign-in only when given', () => {
    assert.deepEqual(buildProfileSignIn('lan', { password: 'p', sipPassword: '' }, false, true), {
      profileId: 'lan',
      password: 'p',
      rememberPassword: false,
      acceptUnencrypted: true,
    });
    assert.equal('acceptUnencrypted' in buildProfileSignIn('lan', { password: 'p', sipPassword: '' }, false), false);
  });
});

describe('choosing and naming profiles', () => {
  test('addedProfileId finds the one a save added', () => {
    assert.equal(addedProfileId([withSip], [withSip, withoutSip]), 'us');
    assert.equal(addedProfileId([withSip], [withSip]), null);
  });

  test('suggestedProfileName is the host, made unique', () => {
    assert.equal(suggestedProfileName('https://gws.example.com:8090/path', []), 'gws.example.com:8090');
    assert.equal(
      suggestedProfileName('https://gws.example.com', [{ name: 'GWS.example.com' }, { name: 'gws.example.com (2)' }]),
      'gws.example.com (3)',
    );
    assert.equal(suggestedProfileName('', []), 'Genesys server');
    assert.equal(suggestedProfileName('not a url', []), 'not a url');
  });

  test('preselects the profile signed in with last, else the one matching the last server', () => {
    const view = makeSettingsView({ settings: { servers: { profiles: [withSip, withoutSip], lastProfileId: 'us' } } });
    assert.equal(preselectedProfile(view, null)?.id, 'us');
    const noLast = makeSettingsView({
      settings: { servers: { profiles: [withSip, withoutSip], lastProfileId: null } },
    });
    assert.equal(preselectedProfile(noLast, { baseUrl: withSip.gwsUrl, userName: 'sreyes' })?.id, 'eu');
    assert.equal(preselectedProfile(noLast, { baseUrl: withSip.gwsUrl, userName: 'someone' }), null);
    assert.equal(preselectedProfile(noLast, null), null);
    assert.equal(preselectedProfile(null, { baseUrl: withSip.gwsUrl, userName: 'sreyes' }), null);
  });

  test('isRemembered follows what main says it holds', () => {
    const view = makeSettingsView({ rememberedProfileIds: ['eu'] });
    assert.equal(isRemembered(view, 'eu'), true);
    assert.equal(isRemembered(view, 'us'), false);
    assert.equal(isRemembered(view, null), false);
    assert.equal(isRemembered(null, 'eu'), false);
  });
});
