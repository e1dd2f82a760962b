import type { SignInDefaults } from '../../../../electron/common/contract/sign-in';
import { serverProfileInputSchema } from '../../../../electron/common/models/settings';
import type {
  ProfileSignInRequest,
  ServerProfile,
  ServerProfileInput,
  SettingsView,
} from '../../../../electron/common/models/settings';
import { unencryptedAccepted, type UnencryptedTransport } from '../../../../electron/common/models/transport-security';
import type { FieldErrors, SignInFieldName, SignInFields } from './sign-in-form';

/** The address, user name and SIP account of a saved server, as the form shows them. Passwords start empty. */
export function fieldsFromProfile(fields: SignInFields, profile: ServerProfile): SignInFields {
  return {
    ...fields,
    mode: 'gws',
    baseUrl: profile.gwsUrl,
    userName: profile.userName,
    password: '',
    sipWebSocketUrl: profile.sip?.webSocketUrl ?? '',
    sipUri: profile.sip?.sipUri ?? '',
    sipAuthorizationUser: profile.sip?.authorizationUser ?? '',
    sipPassword: '',
    caCertificate: profile.caCertificate ?? '',
  };
}

/** A server typed in anew: the profile's fields emptied, passwords too. */
export function fieldsWithoutProfile(fields: SignInFields): SignInFields {
  return {
    ...fields,
    mode: 'gws',
    baseUrl: '',
    userName: '',
    password: '',
    sipWebSocketUrl: '',
    sipUri: '',
    sipAuthorizationUser: '',
    sipPassword: '',
    caCertificate: '',
  };
}

/** The SIP account a profile keeps: the section left empty (passwords aside) means none. */
function sipOfFields(fields: SignInFields): ServerProfileInput['sip'] {
  const parts = [fields.sipWebSocketUrl, fields.sipUri, fields.sipAuthorizationUser];
  if (parts.every((part) => part.trim() === '')) return null;
  return {
    webSocketUrl: fields.sipWebSocketUrl,
    sipUri: fields.sipUri,
    authorizationUser: fields.sipAuthorizationUser,
  };
}

/** Whether the form now says something other than the saved profile (its name included). */
export function profileEdited(profile: ServerProfile, fields: SignInFields, name: string): boolean {
  const sip = sipOfFields(fields);
  const same = (a: string, b: string) => a.trim() === b.trim();
  return !(
    same(profile.name, name) &&
    same(profile.gwsUrl, fields.baseUrl) &&
    same(profile.userName, fields.userName) &&
    (profile.caCertificate ?? '') === fields.caCertificate &&
    (profile.sip === null
      ? sip === null
      : sip !== null &&
        same(profile.sip.webSocketUrl, sip.webSocketUrl) &&
        same(profile.sip.sipUri, sip.sipUri) &&
        same(profile.sip.authorizationUser, sip.authorizationUser))
  );
}

export type ProfileInputBuild =
  | { readonly ok: true; readonly input: ServerProfileInput }
  | {
      readonly ok: false;
      readonly fieldErrors: FieldErrors;
      readonly nameError: string | null;
      readonly formErrors: ReadonlyArray<string>;
    };

const fieldOfProfilePath: Readonly<Record<string, SignInFieldName>> = {
  gwsUrl: 'baseUrl',
  userName: 'userName',
  'sip.webSocketUrl': 'sipWebSocketUrl',
  'sip.sipUri': 'sipUri',
  'sip.authorizationUser': 'sipAuthorizationUser',
  caCertificate: 'caCertificate',
};

/** What `settings:saveServerProfile` is sent, checked with the contract's own schema. No password ever goes in it. */
export function buildProfileInput(fields: SignInFields, name: string, id: string | null): ProfileInputBuild {
  const candidate = {
    ...(id === null ? {} : { id }),
    name,
    gwsUrl: fields.baseUrl,
    userName: fields.userName,
    sip: sipOfFields(fields),
    caCertificate: fields.caCertificate === '' ? null : fields.caCertificate,
  };
  const parsed = serverProfileInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors: FieldErrors = {};
  let nameError: string | null = null;
  const formErrors: string[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = fieldOfProfilePath[path];
    if (field !== undefined) fieldErrors[field] ??= issue.message;
    else if (path === 'name') nameError ??= issue.message;
    else formErrors.push(issue.message);
  }
  return { ok: false, fieldErrors, nameError, formErrors };
}

/** Passwords left empty are left out: main then uses the remembered ones. */
export function buildProfileSignIn(
  profileId: string,
  fields: Pick<SignInFields, 'password' | 'sipPassword'>,
  rememberPassword: boolean,
  acceptUnencrypted = false,
): ProfileSignInRequest {
  return {
    profileId,
    ...(fields.password === '' ? {} : { password: fields.password }),
    ...(fields.sipPassword === '' ? {} : { sipPassword: fields.sipPassword }),
    rememberPassword,
    ...(acceptUnencrypted ? { acceptUnencrypted } : {}),
  };
}

/** The box starts ticked where the profile's remembered choice covers every unencrypted address. */
export function unencryptedAcceptedBy(
  profile: Pick<ServerProfile, 'acceptedUnencryptedUrls'> | null,
  transports: readonly UnencryptedTransport[],
): boolean {
  return profile !== null && transports.length > 0 && unencryptedAccepted(transports, profile.acceptedUnencryptedUrls);
}

/** The profile a save added: the one in the new list that the old list lacked. */
export function addedProfileId(
  before: ReadonlyArray<Pick<ServerProfile, 'id'>>,
  after: ReadonlyArray<Pick<ServerProfile, 'id'>>,
): string | null {
  const known = new Set(before.map((profile) => profile.id));
  return after.find((profile) => !known.has(profile.id))?.id ?? null;
}

/** The host the supervisor typed, made unique among the saved names ("gws.example.com (2)"). */
export function suggestedProfileName(baseUrl: string, profiles: ReadonlyArray<Pick<ServerProfile, 'name'>>): string {
  let base: string;
  try {
    base = new URL(baseUrl.trim()).host || baseUrl.trim();
  } catch {
    base = baseUrl.trim();
  }
  base = base.slice(0, 72) || 'Genesys server';
  const taken = new Set(profiles.map((profile) => profile.name.trim().toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let suffix = 2; suffix < 100; suffix += 1) {
    const candidate = `${base} (${suffix})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
  return `${base} (${Date.now() % 10_000})`;
}

/**
 * The profile the sign-in screen starts on: the one signed in with last, else the one whose address
 * and user name match the last server main reports; none when neither is saved.
 */
export function preselectedProfile(
  view: Pick<SettingsView, 'settings'> | null,
  lastServer: SignInDefaults['lastServer'],
): ServerProfile | null {
  if (view === null) return null;
  const { profiles, lastProfileId } = view.settings.servers;
  const last = profiles.find((profile) => profile.id === lastProfileId);
  if (last) return last;
  if (lastServer === null) return null;
  return (
    profiles.find((profile) => profile.gwsUrl === lastServer.baseUrl && profile.userName === lastServer.userName) ??
    null
  );
}

/** Whether the password may stay empty: main holds it for this profile. */
export function isRemembered(
  view: Pick<SettingsView, 'rememberedProfileIds'> | null,
  profileId: string | null,
): boolean {
  return profileId !== null && view !== null && view.rememberedProfileIds.includes(profileId);
}
