import { NoticeBanner } from '../../components/notice-banner';
import { commandKeys, failureOf, isSending } from '../../store/command-status';
import { useAppStore, useCommands } from '../../store/store-context';

/**
 * Says when calls cannot be heard because the audio engine (the hidden window, or the browser
 * edition's audio page) is gone, and offers to bring the page back where the supervisor can.
 */
export function AudioEngineNotice() {
  const commands = useCommands();
  const engine = useAppStore((state) => state.mirror.app?.voice.audioEngine ?? null);
  const reopening = useAppStore((state) => isSending(state.ui.commandStatuses, commandKeys.audioEngine));
  const failure = useAppStore((state) => failureOf(state.ui.commandStatuses, commandKeys.audioEngine));
  if (engine === null || engine.status === 'running') return null;
  if (engine.status === 'starting' && engine.reason === null) return null;
  const message =
    engine.status === 'starting'
      ? 'The audio engine stopped and Earshot is restarting it: calls cannot be heard for a moment. Monitored calls in progress were ended.'
      : 'Audio window closed: calls can’t be heard. Monitored calls in progress were ended; monitoring resumes once it is open again.';
  return (
    <NoticeBanner
      testId="audio-engine-notice"
      action={
        engine.reopenable ? (
          <button
            type="button"
            className="button button--primary button--small"
            data-testid="audio-engine-reopen"
            disabled={reopening}
            onClick={() => void commands.reopenAudioEngine()}
          >
            {reopening ? 'Opening…' : 'Reopen the audio window'}
          </button>
        ) : undefined
      }
    >
      {message}
      {failure !== null && <span> {failure.message}</span>}
    </NoticeBanner>
  );
}
