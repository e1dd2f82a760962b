import { useEffect, useState } from 'react';
import type { SignInDefaults } from '../../../../electron/common/contract/sign-in';
import type { AppError } from '../../../../electron/common/result';
import { HeadsetIcon } from '../../components/icons';
import { NoticeBanner } from '../../components/notice-banner';
import { useAppStore, useCommands } from '../../store/store-context';
import { SettingsNotice } from '../settings/settings-notice';
import { SignInForm } from './sign-in-form-view';
import './sign-in.css';

type DefaultsLoad =
  | { readonly phase: 'loading' }
  | { readonly phase: 'loaded'; readonly defaults: SignInDefaults | null; readonly error: AppError | null };

export function SignInScreen() {
  const commands = useCommands();
  const [load, setLoad] = useState<DefaultsLoad>({ phase: 'loading' });
  // The saved servers preselect the form once, so it waits for the settings main pushes at start.
  const view = useAppStore((state) => state.settings.view);

  useEffect(() => {
    let current = true;
    void commands.getSignInDefaults().then((defaults) => {
      if (!current) return;
      setLoad({
        phase: 'loaded',
        defaults: defaults.ok ? defaults.value : null,
        error: defaults.ok ? null : defaults.error,
      });
    });
    return () => {
      current = false;
    };
  }, [commands]);

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <div className="sign-in__brand">
          <HeadsetIcon className="sign-in__logo" width={28} height={28} />
          <div>
            <h1 className="sign-in__title">Earshot</h1>
            <p className="sign-in__subtitle">Supervisor softphone for Genesys Engage</p>
          </div>
        </div>
        {load.phase === 'loading' || view === null ? (
          <p className="sign-in__loading" role="status">
            Preparing sign-in…
          </p>
        ) : (
          <>
            <SettingsNotice />
            {load.error && <NoticeBanner>{load.error.message}</NoticeBanner>}
            <SignInForm defaults={load.defaults} initialView={view} />
          </>
        )}
      </div>
    </main>
  );
}
