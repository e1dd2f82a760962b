import { useEffect, useState } from 'react';
import type { SignInDefaults } from '../../../../electron/common/contract/sign-in';
import type { AppError } from '../../../../electron/common/result';
import { HeadsetIcon } from '../../components/icons';
import { NoticeBanner } from '../../components/notice-banner';
import { useCommands } from '../../store/store-context';
import { SignInForm } from './sign-in-form-view';
import './sign-in.css';

type DefaultsLoad =
  | { readonly phase: 'loading' }
  | { readonly phase: 'loaded'; readonly defaults: SignInDefaults | null; readonly error: AppError | null };

export function SignInScreen() {
  const commands = useCommands();
  const [load, setLoad] = useState<DefaultsLoad>({ phase: 'loading' });

  useEffect(() => {
    let current = true;
    void commands.getSignInDefaults().then((result) => {
      if (!current) return;
      setLoad(
        result.ok
          ? { phase: 'loaded', defaults: result.value, error: null }
          : { phase: 'loaded', defaults: null, error: result.error },
      );
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
        {load.phase === 'loading' ? (
          <p className="sign-in__loading" role="status">
            Preparing sign-in…
          </p>
        ) : (
          <>
            {load.error && <NoticeBanner>{load.error.message}</NoticeBanner>}
            <SignInForm defaults={load.defaults} />
          </>
        )}
      </div>
    </main>
  );
}
