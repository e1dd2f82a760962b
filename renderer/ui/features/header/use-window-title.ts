import { useEffect } from 'react';
import { useAppStore } from '../../store/store-context';
import { describeAudience } from '../voice/voice-model';

/**
 * The window title (what the taskbar and the window switcher show) says so whenever anyone can hear
 * the supervisor, from the same overall audience main sends to the header and the tray.
 */
export function useWindowTitle(): void {
  const audience = useAppStore((state) => state.mirror.app?.voice.audience ?? 'nobody');
  useEffect(() => {
    document.title = audience === 'nobody' ? 'Earshot' : `Earshot — ${describeAudience(audience).shortLabel}`;
  }, [audience]);
}
