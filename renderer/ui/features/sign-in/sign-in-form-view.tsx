import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { SignInDefaults } from '../../../../electron/common/contract/sign-in';
import type { AppError, ErrorCode } from '../../../../electron/common/result';
import { ChevronIcon } from '../../components/icons';
import { NoticeBanner } from '../../components/notice-banner';
import { useAppStore, useCommands } from '../../store/store-context';
import { buildSignInRequest, firstEmptyField, hasSipError, initialSignInFields } from './sign-in-form';
import type { FieldErrors, SignInFieldName, SignInFields, SignInMode } from './sign-in-form';
import { TextField } from './text-field';

type FocusTarget = SignInFieldName | 'submit';

/** Arrow keys move between the tabs and choose at once, as tabs do (WAI-ARIA automatic activation). */
const tabKeyTargets: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  ArrowRight: (index, count) => (index + 1) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/** Puts the cursor where the supervisor most likely has to fix something. */
function focusAfterFailure(code: ErrorCode, mode: SignInMode): FocusTarget {
  if (code === 'unauthorized' || code === 'not-supervisor') return mode === 'demo' ? 'demoPassword' : 'password';
  if (mode === 'gws' && (code === 'unreachable' || code === 'not-gws' || code === 'tls')) return 'baseUrl';
  return 'submit';
}

export function SignInForm({ defaults }: { defaults: SignInDefaults | null }) {
  const commands = useCommands();
  const signInError = useAppStore((state) => state.mirror.app?.signInError ?? null);
  const mainIsSigningIn = useAppStore((state) => state.mirror.app?.connection.status === 'signing-in');

  const [fields, setFields] = useState<SignInFields>(() => initialSignInFields(defaults));
  const [sipOpen, setSipOpen] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<ReadonlyArray<string>>([]);
  const [pending, setPending] = useState(false);
  const [invokeError, setInvokeError] = useState<AppError | null>(null);
  // A fresh object per request, so asking twice for the same target still moves the cursor.
  const [focusRequest, setFocusRequest] = useState<{ target: FocusTarget }>(() => ({
    target: firstEmptyField(fields) ?? 'submit',
  }));

  const form = useRef<HTMLFormElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const idPrefix = useId();
  const sipSectionId = `${idPrefix}-sip`;

  const busy = pending || mainIsSigningIn;
  const demoAvailable = defaults?.demo.available ?? false;
  const shownError = invokeError ?? (pending ? null : signInError);

  useEffect(() => {
    const { target } = focusRequest;
    const element = target === 'submit' ? submitButton.current : form.current?.elements.namedItem(target);
    if (element instanceof HTMLElement) element.focus();
  }, [focusRequest]);

  const setField = (name: SignInFieldName) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    setFieldErrors((current) => (current[name] === undefined ? current : { ...current, [name]: undefined }));
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
    setFieldErrors({});
    setFormErrors([]);
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
    setFieldErrors({});
    setFormErrors([]);
    setInvokeError(null);
    setPending(true);
    const result = await commands.signIn(built.request);
    setPending(false);
    if (!result.ok) {
      setInvokeError(result.error);
      setFocusRequest({ target: focusAfterFailure(result.error.code, fields.mode) });
    }
  };

  return (
    <form ref={form} className="sign-in__form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
      {shownError && <NoticeBanner testId="sign-in-error">{shownError.message}</NoticeBanner>}
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
              <TextField
                name="baseUrl"
                label="GWS server address"
                type="url"
                value={fields.baseUrl}
                onChange={setField('baseUrl')}
                error={fieldErrors.baseUrl}
                placeholder="https://gws.example.com:8090"
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
                autoComplete="current-password"
              />
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
                  <span className="sip-section__optional">optional</span>
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
                    autoComplete="off"
                  />
                </div>
              </div>
            </div>
          )}
        </div>

        <button ref={submitButton} type="submit" className="button button--primary sign-in__submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </fieldset>
    </form>
  );
}
