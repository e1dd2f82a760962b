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
  const calls = state.voice.calls.filter((call) => call.state !== 'ended');
  const conversations = state.messaging.conversations.filter((conversation) => !conversation.ended);
  if (calls.length === 0 && conversations.length === 0) return null;
  const heard = calls.some((call) => call.audience !== 'nobody');
  const parts = [
    ...(calls.length > 0 ? [`hangs up ${count(calls.length, 'monitoring call', 'monitoring calls')}`] : []),
    ...(conversations.length > 0
      ? [`leaves ${count(conversations.length, 'monitored chat or SMS session', 'monitored chat and SMS sessions')}`]
      : []),
  ];
  return {
    message: heard ? 'Quit while someone can hear you?' : 'Quit while monitoring?',
    detail: `Quitting Earshot ${parts.join(' and ')}. To keep monitoring in the background, close the window instead.`,
  };
}

function count(value: number, one: string, many: string): string {
  return value === 1 ? `your ${one}` : `your ${value} ${many}`;
}
