import { signInRequestSchema } from '../../../../electron/common/contract/sign-in';
import type { SignInDefaults, SignInRequest } from '../../../../electron/common/contract/sign-in';
import type { ServerProfile } from '../../../../electron/common/models/settings';
import {
  unencryptedTransports,
  type UnencryptedTransport,
} from '../../../../electron/common/models/transport-security';
import { fieldsFromProfile } from './server-profiles';

export type SignInMode = 'demo' | 'gws';

/** Demo and server keep their own credentials so switching back and forth loses nothing typed. */
export interface SignInFields {
  readonly mode: SignInMode;
  readonly demoUserName: string;
  readonly demoPassword: string;
  readonly baseUrl: string;
  readonly userName: string;
  readonly password: string;
  readonly sipWebSocketUrl: string;
  readonly sipUri: string;
  readonly sipAuthorizationUser: string;
  readonly sipPassword: string;
  /** The PEM text of the profile's CA certificate, checked by main when chosen; empty for none. */
  readonly caCertificate: string;
}

export type SignInFieldName = Exclude<keyof SignInFields, 'mode'>;
export type FieldErrors = Partial<Record<SignInFieldName, string>>;

export type SignInBuild =
  | { readonly ok: true; readonly request: SignInRequest }
  | {
      readonly ok: false;
      readonly fieldErrors: FieldErrors;
      /** Problems no field owns; shown above the form. */
      readonly formErrors: ReadonlyArray<string>;
      readonly firstInvalid: SignInFieldName | null;
    };

const sipFieldNames = ['sipWebSocketUrl', 'sipUri', 'sipAuthorizationUser', 'sipPassword'] as const;

/** A saved server to start on (the last one signed in with) opens the server form filled in from it. */
export function initialSignInFields(
  defaults: SignInDefaults | null,
  profile: ServerProfile | null = null,
): SignInFields {
  const fields: SignInFields = {
    mode: defaults?.demo.available ? 'demo' : 'gws',
    demoUserName: defaults?.demo.userName ?? '',
    demoPassword: defaults?.demo.password ?? '',
    baseUrl: defaults?.lastServer?.baseUrl ?? '',
    userName: defaults?.lastServer?.userName ?? '',
    password: '',
    sipWebSocketUrl: '',
    sipUri: '',
    sipAuthorizationUser: '',
    sipPassword: '',
    caCertificate: '',
  };
  return profile === null ? fields : fieldsFromProfile(fields, profile);
}

/** The addresses typed that would send the sign-in unencrypted across a network (none for the demo). */
export function unencryptedOfFields(fields: SignInFields): UnencryptedTransport[] {
  if (fields.mode === 'demo') return [];
  return unencryptedTransports({
    gwsUrl: fields.baseUrl,
    sipWebSocketUrl: hasSipInput(fields) ? fields.sipWebSocketUrl : null,
  });
}

/** An untouched SIP section means "no SIP account"; anything typed there makes it a whole account to check. */
export function hasSipInput(fields: SignInFields): boolean {
  return sipFieldNames.some((name) => fields[name].trim() !== '');
}

export function fieldOrder(mode: SignInMode, sipOpen: boolean): SignInFieldName[] {
  if (mode === 'demo') return ['demoUserName', 'demoPassword'];
  return ['baseUrl', 'userName', 'password', ...(sipOpen ? sipFieldNames : [])];
}

/** The SIP fields are optional, so only the credentials decide where the cursor starts. */
export function firstEmptyField(fields: SignInFields): SignInFieldName | null {
  return fieldOrder(fields.mode, false).find((name) => fields[name] === '') ?? null;
}

function toCandidate(fields: SignInFields): unknown {
  if (fields.mode === 'demo') {
    return { server: { kind: 'demo' }, userName: fields.demoUserName, password: fields.demoPassword };
  }
  return {
    server: { kind: 'gws', baseUrl: fields.baseUrl },
    userName: fields.userName,
    password: fields.password,
    ...(hasSipInput(fields)
      ? {
          sip: {
            webSocketUrl: fields.sipWebSocketUrl,
            sipUri: fields.sipUri,
            authorizationUser: fields.sipAuthorizationUser,
            password: fields.sipPassword,
          },
        }
      : {}),
  };
}

function fieldForPath(mode: SignInMode, path: ReadonlyArray<PropertyKey>): SignInFieldName | null {
  const key = path.map(String).join('.');
  const byPath: Readonly<Record<string, SignInFieldName>> =
    mode === 'demo'
      ? { userName: 'demoUserName', password: 'demoPassword' }
      : {
          'server.baseUrl': 'baseUrl',
          userName: 'userName',
          password: 'password',
          'sip.webSocketUrl': 'sipWebSocketUrl',
          'sip.sipUri': 'sipUri',
          'sip.authorizationUser': 'sipAuthorizationUser',
          'sip.password': 'sipPassword',
        };
  return byPath[key] ?? null;
}

/** Checks with the contract's own schema, so the form refuses exactly what main would refuse. */
export function buildSignInRequest(fields: SignInFields): SignInBuild {
  const parsed = signInRequestSchema.safeParse(toCandidate(fields));
  if (parsed.success) return { ok: true, request: parsed.data };
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of parsed.error.issues) {
    const field = fieldForPath(fields.mode, issue.path);
    if (field === null) formErrors.push(issue.message);
    else fieldErrors[field] ??= issue.message;
  }
  const firstInvalid = fieldOrder(fields.mode, true).find((name) => fieldErrors[name] !== undefined) ?? null;
  return { ok: false, fieldErrors, formErrors, firstInvalid };
}

export function hasSipError(errors: FieldErrors): boolean {
  return sipFieldNames.some((name) => errors[name] !== undefined);
}
