import { systemPreferences } from 'electron';
import { err, ok, type Result } from '../../common/result';

/**
 * Asks the OS for the microphone at the moment it is first needed: the supervisor's first switch to
 * Coach or Barge in (main calls this before asking GWS to switch, so a refusal never leaves the
 * supervisor barged in without a voice). Silent listening never calls it. macOS asks once and
 * remembers; Windows and Linux have no prompt of their own here, and the media host's getUserMedia
 * at the same moment meets any OS prompt there.
 */
export async function requestMicrophoneAccess(): Promise<Result<null>> {
  if (process.platform !== 'darwin') return ok(null);
  const status = systemPreferences.getMediaAccessStatus('microphone');
  if (status === 'granted') return ok(null);
  if (status === 'not-determined' && (await systemPreferences.askForMediaAccess('microphone'))) return ok(null);
  return err(
    'invalid-input',
    'macOS does not let Earshot use the microphone, so you cannot coach or barge in. Allow Earshot in System Settings › Privacy & Security › Microphone, then try again.',
    `microphone access: ${status}`,
  );
}
