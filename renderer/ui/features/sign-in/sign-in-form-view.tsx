import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { SignInDefaults } from '../../../../electron/common/contract/sign-in';
import type { ServerProfile, SettingsView } from '../../../../electron/common/models/settings';
import { describeUnencrypted } from '../../../../electron/common/models/transport-security';
import type { AppError, ErrorCode } from '../../../../electron/common/result';
import { ChevronIcon, InfoIcon } from '../../components/icons';
import { NoticeBanner } from '../../components/notice-banner';
import { useAppStore, useAppStoreApi, useCommands } from '../../store/store-context';
import { CopyDiagnosticsButton } from '../diagnostics/copy-diagnostics-button';
import { CaCertificateField } from './ca-certificate-field';
import { ServerProfilePicker } from './server-profile-picker';
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
} from './server-profiles';
import {
  buildSignInRequest,
  firstEmptyField,
  hasSipError,
  initialSignInFields,
  unencryptedOfFields,
} from './sign-in-form';
import type { FieldErrors, SignInFieldName, SignInFields, SignInMode } from './sign-in-form';
import { TextField } from './text-field';

type FocusTarget = SignInFieldName | 'profileName' | 'acceptUnencrypted' | 'submit';

/** Problems on the way to the server, where the diagnostics help whoever looks after it. */
const diagnosableCodes: ReadonlySet<ErrorCode> = new Set([
  'unreachable',
  'not-gws',
  'tls',
  'timeout',
  'internal',
  'gws-refused',
]);

const noProfiles: ReadonlyArray<ServerProfile> = [];

/** Arrow keys move between the tabs and choose at once, as tabs do (WAI-ARIA automatic activation). */
const tabKeyTargets: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  ArrowRight: (index, count) => (index + 1) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/** Puts the cursor where the supervisor most likely has to fix something. */
function focusAfterFailure(code: ErrorCode, mode: SignInMode): FocusTarget {
  if (code === 'unencrypted') return 'acceptUnencrypted';
  if (code === 'unauthorized' || code === 'not-supervisor') return mode === 'demo' ? 'demoPassword' : 'password';
  if (mode === 'gws' && (code === 'unreachable' || code === 'not-gws' || code === 'tls')) return 'baseUrl';
  return 'submit';
}

function sameError(a: AppError | null, b: AppError | null): boolean {
  return a !== null && b !== null && a.code === b.code && a.message === b.message;
}

export function SignInForm({
  defaults,
  initialView,
}: {
  defaults: SignInDefaults | null;
  /** The settings as read when the screen opened: they pick the server to start on. */
  initialView: SettingsView | null;
}) {
  const commands = useCommands();
  const store = useAppStoreApi();
  const signInError = useAppStore((state) => state.mirror.app?.signInError ?? null);
  const mainIsSigningIn = useAppStore((state) => state.mirror.app?.connection.status === 'signing-in');
  const view = useAppStore((state) => state.settings.view);
  const profiles = view?.settings.servers.profiles ?? noProfiles;
  const rememberSupport = view?.rememberPassword ?? { available: false, unavailableReason: null };

  const [initialProfile] = useState(() => preselectedProfile(initialView, defaults?.lastServer ?? null));
  const [fields, setFields] = useState<SignInFields>(() => initialSignInFields(defaults, initialProfile));
  const [profileId, setProfileId] = useState<string | null>(initialProfile?.id ?? null);
  const [profileName, setProfileName] = useState(initialProfile?.name ?? '');
  const [savingAs, setSavingAs] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [remember, setRemember] = useState(initialProfile?.rememberPassword ?? false);
  const [acceptUnencrypted, setAcceptUnencrypted] = useState(() =>
    unencryptedAcceptedBy(initialProfile, unencryptedOfFields(fields)),
  );
  const [unencryptedError, setUnencryptedError] = useState<string | null>(null);
  const [sipOpen, setSipOpen] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [nameError, setNameError] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<ReadonlyArray<string>>([]);
  const [pending, setPending] = useState(false);
  const [profileBusy, setProfileBusy] = useState(false);
  const [invokeError, setInvokeError] = useState<AppError | null>(null);
  // Main's last sign-in error, once the server choice it came from has changed: no longer shown.
  const [staleMainError, setStaleMainError] = useState<AppError | null>(null);
  // A fresh object per request, so asking twice for the same target still moves the cursor.
  const [focusRequest, setFocusRequest] = useState<{ target: FocusTarget }>(() => ({
    target: firstEmptyField(fields) ?? 'submit',
  }));

  const form = useRef<HTMLFormElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const idPrefix = useId();
  const sipSectionId = `${idPrefix}-sip`;

  const profile = profiles.find((candidate) => candidate.id === profileId) ?? null;
  const busy = pending || mainIsSigningIn;
  const demoAvailable = defaults?.demo.available ?? false;
  const mainErrorShown = signInError !== null && !pending && !sameError(signInError, staleMainError);
  const shownError = invokeError ?? (mainErrorShown ? signInError : null);
  // Main forgets a remembered password when the profile's address or user name changes.
  const remembered =
    profile !== null &&
    isRemembered(view, profile.id) &&
    profile.gwsUrl === fields.baseUrl.trim() &&
    profile.userName === fields.userName.trim();
  const rememberedBeforeEdit = profile !== null && isRemembered(view, profile.id);
  const rememberChecked = remember && rememberSupport.available;
  const edited = profile !== null && profileEdited(profile, fields, profileName);
  const savedCaSummary =
    profile !== null && fields.caCertificate === (profile.caCertificate ?? '')
      ? (view?.caCertificates[profile.id] ?? null)
      : null;
  const unencrypted = unencryptedOfFields(fields);
  const unencryptedAgreed = unencrypted.length > 0 && acceptUnencrypted;

  useEffect(() => {
    const { target } = focusRequest;
    const element = target === 'submit' ? submitButton.current : form.current?.elements.namedItem(target);
    if (element instanceof HTMLElement) element.focus();
  }, [focusRequest]);

  const clearProblems = () => {
    setFieldErrors({});
    setNameError(null);
    setFormErrors([]);
    setUnencryptedError(null);
  };

  /** An error belongs to the server choice it came from: another choice starts clean. */
  const forgetErrorsOfChoice = () => {
    clearProblems();
    setInvokeError(null);
    setStaleMainError(signInError);
  };

  const setField = (name: SignInFieldName) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    setFieldErrors((current) => (current[name] === undefined ? current : { ...current, [name]: undefined }));
  };

  /** A name Earshot suggested follows the address as it is typed; one the supervisor wrote stays. */
  const setBaseUrl = (value: string) => {
    if (profile === null && savingAs && profileName === suggestedProfileName(fields.baseUrl, profiles)) {
      setProfileName(suggestedProfileName(value, profiles));
    }
    setField('baseUrl')(value);
  };

  const changeProfileName = (value: string) => {
    setProfileName(value);
    setNameError(null);
  };

  const modes: ReadonlyArray<{ mode: SignInMode; label: string }> = demoAvailable
    ? [
        { mode: 'demo', label: 'Demo contact center' },
        { mode: 'gws', label: 'Genesys server' },
      ]
    : [{ mode: 'gws', label: 'Genesys server' }];

  /** A click goes on to the first empty field; arrow keys leave the cursor on the tabs. */
  const chooseMode = (mode: SignInMode, moveCursor: boolean) => {
    if (mode === fields.mode) return;
    const next = { ...fields, mode };
    setFields(next);
    forgetErrorsOfChoice();
    if (moveCursor) setFocusRequest({ target: firstEmptyField(next) ?? 'submit' });
  };

  const onTabKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = modes.findIndex(({ mode }) => mode === fields.mode);
    const target = tabKeyTargets[event.key]?.(index, modes.length);
    const mode = target === undefined ? undefined : modes[target]?.mode;
    if (mode === undefined) return;
    event.preventDefault();
    chooseMode(mode, false);
    document.getElementById(`${idPrefix}-${mode}-tab`)?.focus();
  };

  /** Another profile fills the form in afresh; what was typed for the previous one does not follow it. */
  const chooseProfile = (id: string | null) => {
    const chosen = profiles.find((candidate) => candidate.id === id) ?? null;
    const next = chosen === null ? fieldsWithoutProfile(fields) : fieldsFromProfile(fields, chosen);
    forgetErrorsOfChoice();
    setProfileId(chosen?.id ?? null);
    setProfileName(chosen?.name ?? '');
    setSavingAs(false);
    setRenaming(false);
    setRemember(chosen?.rememberPassword ?? false);
    setAcceptUnencrypted(unencryptedAcceptedBy(chosen, unencryptedOfFields(next)));
    setFields(next);
    clearProblems();
    setInvokeError(null);
    setFocusRequest({ target: firstEmptyField(next) ?? 'submit' });
  };

  const showProfileProblems = (built: Extract<ReturnType<typeof buildProfileInput>, { ok: false }>) => {
    setFieldErrors(built.fieldErrors);
    setNameError(built.nameError);
    setFormErrors(built.formErrors);
    if (hasSipError(built.fieldErrors)) setSipOpen(true);
    const first = (['profileName', 'baseUrl', 'userName', 'sipWebSocketUrl', 'sipUri'] as const).find((name) =>
      name === 'profileName' ? built.nameError !== null : built.fieldErrors[name] !== undefined,
    );
    setFocusRequest({ target: first ?? 'submit' });
  };

  /** Adds or updates the profile as the form shows it; returns its id, or null after showing why not. */
  const saveProfile = async (name: string, id: string | null): Promise<string | null> => {
    const built = buildProfileInput(fields, name, id);
    if (!built.ok) {
      showProfileProblems(built);
      return null;
    }
    const before = store.getState().settings.view?.settings.servers.profiles ?? noProfiles;
    const result = await commands.saveServerProfile(built.input);
    if (!result.ok) {
      setInvokeError(result.error);
      return null;
    }
    // Main's settings with the saved profile are in the state by the time it answers.
    const after = store.getState().settings.view?.settings.servers.profiles ?? noProfiles;
    const savedId = id ?? addedProfileId(before, after);
    const saved = after.find((candidate) => candidate.id === savedId);
    if (saved === undefined) return null;
    setProfileId(saved.id);
    setProfileName(saved.name);
    setSavingAs(false);
    setRenaming(false);
    return saved.id;
  };

  const saveNow = async () => {
    clearProblems();
    setInvokeError(null);
    setProfileBusy(true);
    const saved = await saveProfile(profileName, profile?.id ?? null);
    setProfileBusy(false);
    if (saved !== null) store.getState().feedbackActions.showToast(`Saved “${profileName.trim()}”`);
  };

  const deleteProfile = async (target: ServerProfile) => {
    setProfileBusy(true);
    const result = await commands.deleteServerProfile(target.id);
    setProfileBusy(false);
    if (!result.ok) {
      setInvokeError(result.error);
      return;
    }
    store.getState().feedbackActions.showToast(`Deleted “${target.name}”`);
    chooseProfile(store.getState().settings.view?.settings.servers.profiles[0]?.id ?? null);
  };

  const failed = (error: AppError) => {
    if (error.code === 'cancelled') {
      setFocusRequest({ target: 'submit' });
      return;
    }
    setInvokeError(error);
    setFocusRequest({ target: focusAfterFailure(error.code, fields.mode) });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const built = buildSignInRequest(fields);
    if (!built.ok) {
      setFieldErrors(built.fieldErrors);
      setFormErrors(built.formErrors);
      if (hasSipError(built.fieldErrors)) setSipOpen(true);
      setFocusRequest({ target: built.firstInvalid ?? 'submit' });
      return;
    }
    if (unencrypted.length > 0 && !acceptUnencrypted) {
      setUnencryptedError('Tick the box to sign in without encryption, or change the address to https:// or wss://.');
      setFocusRequest({ target: 'acceptUnencrypted' });
      return;
    }
    if (fields.mode === 'gws' && profile !== null && !remembered && fields.password === '') {
      setFieldErrors({ password: 'Enter your password' });
      setFocusRequest({ target: 'password' });
      return;
    }
    clearProblems();
    setInvokeError(null);
    setPending(true);
    try {
      if (fields.mode === 'demo') {
        const result = await commands.signIn(built.request);
        if (!result.ok) failed(result.error);
        return;
      }
      // A profile signs in as saved, so what the form shows is saved first. A new server is saved
      // when the supervisor asked for it, or when its password is to be remembered.
      let signInProfileId = profile?.id ?? null;
      if (profile !== null && edited) {
        signInProfileId = await saveProfile(profileName, profile.id);
      } else if (profile === null && (savingAs || rememberChecked || fields.caCertificate !== '')) {
        const name = savingAs ? profileName : suggestedProfileName(fields.baseUrl, profiles);
        signInProfileId = await saveProfile(name, null);
      } else if (profile === null) {
        const result = await commands.signIn(
          unencryptedAgreed ? { ...built.request, acceptUnencrypted: true } : built.request,
        );
        if (!result.ok) failed(result.error);
        return;
      }
      if (signInProfileId === null) return;
      const result = await commands.signInWithProfile(
        buildProfileSignIn(signInProfileId, fields, rememberChecked, unencryptedAgreed),
      );
      // A remembered password that could not be read is forgotten by main; its settings say so.
      if (!result.ok) failed(result.error);
    } finally {
      setPending(false);
    }
  };

  const diagnosable = shownError !== null && diagnosableCodes.has(shownError.code);
  const rememberHintId = `${idPrefix}-remember-hint`;
  const unencryptedTextId = `${idPrefix}-unencrypted`;
  let rememberHint: string | null = null;
  if (!rememberSupport.available) {
    rememberHint = rememberSupport.unavailableReason ?? 'Passwords cannot be kept safely on this computer.';
  } else if (profile === null && rememberChecked) {
    rememberHint = 'Earshot saves this server as a profile to remember its password.';
  } else if (rememberedBeforeEdit && !remembered) {
    rememberHint = 'A new address or user name needs the password typed again.';
  } else if (remembered && !rememberChecked) {
    rememberHint = 'Earshot forgets the remembered password when you sign in.';
  } else if (remembered) {
    rememberHint = 'Your password is remembered. Leave the field empty to use it.';
  }

  return (
    <form ref={form} className="sign-in__form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
      {shownError && (
        <NoticeBanner
          testId="sign-in-error"
          action={diagnosable ? <CopyDiagnosticsButton className="button button--small" /> : undefined}
        >
          {shownError.message}
        </NoticeBanner>
      )}
      {formErrors.length > 0 && <NoticeBanner>{formErrors.join(' ')}</NoticeBanner>}
      <fieldset className="sign-in__fieldset" disabled={busy}>
        <div className="server-tabs" role="tablist" aria-label="Sign in to" onKeyDown={onTabKeyDown}>
          {modes.map(({ mode, label }) => (
            <button
              key={mode}
              type="button"
              role="tab"
              id={`${idPrefix}-${mode}-tab`}
              className="server-tabs__tab"
              aria-selected={fields.mode === mode}
              aria-controls={`${idPrefix}-panel`}
              tabIndex={fields.mode === mode ? 0 : -1}
              onClick={() => chooseMode(mode, true)}
            >
              {label}
            </button>
          ))}
        </div>

        <div
          id={`${idPrefix}-panel`}
          role="tabpanel"
          aria-labelledby={`${idPrefix}-${fields.mode}-tab`}
          className="sign-in__panel"
        >
          {fields.mode === 'demo' ? (
            <div className="sign-in__fields">
              <p className="sign-in__panel-hint">A simulated contact center with a live team, built into Earshot.</p>
              <TextField
                name="demoUserName"
                label="User name"
                value={fields.demoUserName}
                onChange={setField('demoUserName')}
                error={fieldErrors.demoUserName}
                autoComplete="username"
              />
              <TextField
                name="demoPassword"
                label="Password"
                type="password"
                value={fields.demoPassword}
                onChange={setField('demoPassword')}
                error={fieldErrors.demoPassword}
                autoComplete="current-password"
              />
            </div>
          ) : (
            <div className="sign-in__fields">
              {profiles.length > 0 && (
                <ServerProfilePicker
                  profiles={profiles}
                  selectedId={profile?.id ?? null}
                  renaming={renaming}
                  busy={profileBusy}
                  onSelect={chooseProfile}
                  onRename={() => {
                    const next = !renaming;
                    setRenaming(next);
                    if (next) setFocusRequest({ target: 'profileName' });
                    else if (profile !== null) changeProfileName(profile.name);
                  }}
                  onDelete={(target) => void deleteProfile(target)}
                />
              )}
              {((profile !== null && (renaming || nameError !== null)) || (profile === null && savingAs)) && (
                <TextField
                  name="profileName"
                  label="Profile name"
                  value={profileName}
                  onChange={changeProfileName}
                  error={nameError ?? undefined}
                  hint={profile === null ? 'How this server is listed next time.' : undefined}
                  autoComplete="off"
                />
              )}
              <TextField
                name="baseUrl"
                label="GWS server address"
                type="url"
                value={fields.baseUrl}
                onChange={setBaseUrl}
                error={fieldErrors.baseUrl}
                placeholder="https://gws.example.com:8443"
                autoComplete="url"
              />
              <TextField
                name="userName"
                label="User name"
                value={fields.userName}
                onChange={setField('userName')}
                error={fieldErrors.userName}
                autoComplete="username"
              />
              <TextField
                name="password"
                label="Password"
                type="password"
                value={fields.password}
                onChange={setField('password')}
                error={fieldErrors.password}
                placeholder={remembered ? 'Remembered' : undefined}
                autoComplete="current-password"
              />
              <div className="remember">
                <label className="remember__label">
                  <input
                    type="checkbox"
                    data-testid="remember-password"
                    checked={rememberChecked}
                    disabled={!rememberSupport.available}
                    aria-describedby={rememberHint === null ? undefined : rememberHintId}
                    onChange={(event) => setRemember(event.target.checked)}
                  />
                  Remember password
                </label>
                {rememberHint !== null && (
                  <p id={rememberHintId} className="field__hint" data-testid="remember-password-hint">
                    {rememberHint}
                  </p>
                )}
              </div>
              <div className="sip-section">
                <button
                  type="button"
                  className="sip-section__toggle"
                  aria-expanded={sipOpen}
                  aria-controls={sipSectionId}
                  onClick={() => setSipOpen((open) => !open)}
                >
                  <ChevronIcon className="sip-section__chevron" />
                  SIP account
                  <span className="sip-section__optional">{fields.sipUri.trim() || 'optional'}</span>
                </button>
                <div id={sipSectionId} className="sip-section__body" hidden={!sipOpen}>
                  <p className="sip-section__hint">The SIP line Earshot registers to receive monitored calls.</p>
                  <TextField
                    name="sipWebSocketUrl"
                    label="SIP WebSocket URL"
                    value={fields.sipWebSocketUrl}
                    onChange={setField('sipWebSocketUrl')}
                    error={fieldErrors.sipWebSocketUrl}
                    placeholder="wss://sip.example.com:8443/ws"
                    autoComplete="off"
                  />
                  <TextField
                    name="sipUri"
                    label="SIP URI or extension"
                    value={fields.sipUri}
                    onChange={setField('sipUri')}
                    error={fieldErrors.sipUri}
                    placeholder="sip:5005@example.com or 5005"
                    autoComplete="off"
                  />
                  <TextField
                    name="sipAuthorizationUser"
                    label="Authorization user"
                    value={fields.sipAuthorizationUser}
                    onChange={setField('sipAuthorizationUser')}
                    error={fieldErrors.sipAuthorizationUser}
                    autoComplete="off"
                  />
                  <TextField
                    name="sipPassword"
                    label="SIP password"
                    type="password"
                    value={fields.sipPassword}
                    onChange={setField('sipPassword')}
                    error={fieldErrors.sipPassword}
                    placeholder={remembered && profile?.sip ? 'Remembered' : undefined}
                    autoComplete="off"
                  />
                </div>
              </div>
              <CaCertificateField
                pem={fields.caCertificate}
                savedSummary={savedCaSummary}
                browserEdition={view?.desktopFeatures.available === false}
                error={fieldErrors.caCertificate}
                onChange={setField('caCertificate')}
              />
              {profile === null && fields.caCertificate !== '' && !savingAs && (
                <p className="field__hint">Earshot saves this server as a profile to keep its CA certificate.</p>
              )}
              {unencrypted.length > 0 && (
                <div className="unencrypted notice" data-testid="unencrypted-warning">
                  <InfoIcon className="notice__icon" />
                  <div className="notice__text unencrypted__body">
                    <p id={unencryptedTextId}>{describeUnencrypted(unencrypted)}</p>
                    <label className="remember__label">
                      <input
                        type="checkbox"
                        name="acceptUnencrypted"
                        data-testid="accept-unencrypted"
                        checked={acceptUnencrypted}
                        aria-describedby={unencryptedTextId}
                        aria-invalid={unencryptedError !== null ? true : undefined}
                        onChange={(event) => {
                          setAcceptUnencrypted(event.target.checked);
                          setUnencryptedError(null);
                        }}
                      />
                      Sign in without encryption anyway
                    </label>
                    {unencryptedError !== null ? (
                      <p className="field__error" role="alert">
                        {unencryptedError}
                      </p>
                    ) : (
                      (profile !== null || savingAs || rememberChecked) && (
                        <p className="field__hint">Earshot remembers this choice for this server profile.</p>
                      )
                    )}
                  </div>
                </div>
              )}
              {profile !== null && edited && (
                <div className="profile-changes notice notice--info" data-testid="server-profile-changes">
                  <p className="notice__text">Your changes to “{profile.name}” are saved when you sign in.</p>
                  <div className="notice__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={profileBusy}
                      onClick={() => void saveNow()}
                    >
                      Save now
                    </button>
                    <button type="button" className="button button--small" onClick={() => chooseProfile(profile.id)}>
                      Undo
                    </button>
                  </div>
                </div>
              )}
              {profile === null && (
                <div className="profile-save">
                  {savingAs ? (
                    <>
                      <button
                        type="button"
                        className="button button--small"
                        data-testid="server-profile-save"
                        disabled={profileBusy}
                        onClick={() => void saveNow()}
                      >
                        Save profile
                      </button>
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => {
                          setSavingAs(false);
                          setNameError(null);
                        }}
                      >
                        Don’t save
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--quiet profile-save__open"
                      data-testid="server-profile-save-as"
                      onClick={() => {
                        setSavingAs(true);
                        setProfileName(suggestedProfileName(fields.baseUrl, profiles));
                        setFocusRequest({ target: 'profileName' });
                      }}
                    >
                      Save as profile
                    </button>
                  )}
                </div>
              )}
            </div>
          )}
        </div>

        <button ref={submitButton} type="submit" className="button button--primary sign-in__submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </fieldset>
      {/* Outside the fieldset, which is disabled while signing in. */}
      {busy && (
        <button
          type="button"
          className="button sign-in__cancel"
          data-testid="sign-in-cancel"
          onClick={() => void commands.cancelSignIn()}
        >
          Cancel
        </button>
      )}
    </form>
  );
}
