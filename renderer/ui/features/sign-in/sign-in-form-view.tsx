import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { SignInDefaults } from '../../../../electron/common/contract/sign-in';
import type { AppError, ErrorCode } from '../../../../electron/common/result';
import { ChevronIcon } from '../../components/icons';
import { NoticeBanner } from '../../components/notice-banner';
import { useAppStore, useCommands } from '../../store/store-context';
import { buildSignInRequest, firstEmptyField, hasSipError, initialSignInFields } from './sign-in-form';
import type { FieldErrors, SignInFieldName, SignInFields, SignInMode } from './sign-in-form';
import { TextField } from './text-field';

type FocusTarget = SignInFieldName | 'submit';

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

  const chooseMode = (mode: SignInMode) => {
    const next = { ...fields, mode };
    setFields(next);
    setFieldErrors({});
    setFormErrors([]);
    setFocusRequest({ target: firstEmptyField(next) ?? 'submit' });
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
        {demoAvailable && (
          <fieldset className="mode-choice">
            <legend className="mode-choice__legend">Sign in to</legend>
            <label className="mode-choice__option">
              <input
                type="radio"
                name="server-kind"
                value="demo"
                checked={fields.mode === 'demo'}
                onChange={() => chooseMode('demo')}
                aria-labelledby={`${idPrefix}-demo-name`}
                aria-describedby={`${idPrefix}-demo-detail`}
              />
              <span className="mode-choice__text">
                <span id={`${idPrefix}-demo-name`} className="mode-choice__name">
                  Demo contact center
                </span>
                <span id={`${idPrefix}-demo-detail`} className="mode-choice__detail">
                  Built in, with a live team
                </span>
              </span>
            </label>
            <label className="mode-choice__option">
              <input
                type="radio"
                name="server-kind"
                value="gws"
                checked={fields.mode === 'gws'}
                onChange={() => chooseMode('gws')}
                aria-labelledby={`${idPrefix}-gws-name`}
                aria-describedby={`${idPrefix}-gws-detail`}
              />
              <span className="mode-choice__text">
                <span id={`${idPrefix}-gws-name`} className="mode-choice__name">
                  Genesys server
                </span>
                <span id={`${idPrefix}-gws-detail`} className="mode-choice__detail">
                  Your GWS address
                </span>
              </span>
            </label>
          </fieldset>
        )}

        {fields.mode === 'demo' ? (
          <div className="sign-in__fields">
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
              label="GWS address"
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

        <button ref={submitButton} type="submit" className="button button--primary sign-in__submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </fieldset>
    </form>
  );
}
