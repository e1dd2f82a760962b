import { describeLiveMonitoring } from '../../common/models/live-monitoring';
import type { AppState } from '../../common/models/app-state';

export interface QuitConfirmation {
  readonly message: string;
  readonly detail: string;
}

/**
 * What to ask before quitting, or null when quitting ends nothing: quitting hangs up every
 * monitoring call and leaves every monitored chat and SMS session. Kept free of Electron so it is
 * tested as a plain function.
 */
export function quitConfirmation(state: AppState): QuitConfirmation | null {
  const live = describeLiveMonitoring(state.voice.calls, state.messaging.conversations);
  if (live === null) return null;
  return {
    message: live.someoneHearsYou ? 'Quit while someone can hear or see you?' : 'Quit while monitoring?',
    detail: `Quitting Earshot ends ${live.text} for you (they go on for the agents). To keep monitoring in the background, close the window instead.`,
  };
}
