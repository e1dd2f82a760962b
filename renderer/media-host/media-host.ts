import {
  mediaCommandNameSchema,
  mediaCommandSchema,
  type MediaCommand,
  type MediaCommandName,
  type MediaEvent,
  type MediaHostBridge,
} from '../../electron/common/contract/media-host-contract';
import { assertNever } from '../../electron/common/result';
import { epochNow } from './clock';
import { errorMessage } from './failure-reasons';
import type { Phone, PhoneCall } from './sip-phone';

export interface MediaHostDependencies {
  readonly bridge: MediaHostBridge;
  readonly phone: Phone;
  readonly listDevices: () => Promise<Extract<MediaEvent, { type: 'devices' }>>;
}

function commandName(raw: unknown): MediaCommandName {
  const named =
    typeof raw === 'object' && raw !== null && 'type' in raw ? mediaCommandNameSchema.safeParse(raw.type) : null;
  return named?.success ? named.data : 'malformed';
}

/**
 * The media host's command loop: every command is parsed against the contract, run, and any failure,
 * synchronous or not, comes back to main as a commandFailed event. Nothing here throws into the page.
 */
export function startMediaHost(dependencies: MediaHostDependencies): () => void {
  const { bridge, phone } = dependencies;
  const fail = (command: MediaCommandName, callId: string | null, reason: string): void =>
    bridge.emit({ type: 'commandFailed', command, callId, reason });

  const callOf = (callId: string): PhoneCall => {
    const call = phone.call(callId);
    if (!call) throw new Error(`There is no call ${callId}.`);
    return call;
  };

  const run = (command: MediaCommand): void | Promise<void> => {
    switch (command.type) {
      case 'register':
        return phone.register(command.account);
      case 'unregister':
        return phone.unregister();
      case 'reconnect':
        return phone.reconnect();
      case 'answer':
        return callOf(command.callId).answer();
      case 'decline':
        return callOf(command.callId).decline(command.statusCode);
      case 'hangUp': {
        const call = phone.call(command.callId);
        // Both sides may end a call at once (the far end's BYE crossing main's hang-up): a call that is
        // gone is ended, which is what was asked; say so again rather than report a failure.
        if (!call)
          return bridge.emit({
            type: 'callState',
            callId: command.callId,
            state: 'ended',
            reason: null,
            at: epochNow(),
          });
        return call.hangUp();
      }
      case 'acquireMicrophone':
        return callOf(command.callId).acquireMicrophone(command.inputDeviceId);
      case 'attachMicrophone':
        return callOf(command.callId).attachMicrophone();
      case 'releaseMicrophone':
        return callOf(command.callId).releaseMicrophone();
      case 'restartIce':
        return callOf(command.callId).restartIce();
      case 'setOutputDevice':
        return phone.setOutputDevice(command.deviceId);
      case 'setVolume':
        return callOf(command.callId).setVolume(command.volume);
      case 'listDevices':
        return dependencies.listDevices().then((devices) => bridge.emit(devices));
      default:
        return assertNever(command);
    }
  };

  return bridge.onCommand((raw: unknown) => {
    const parsed = mediaCommandSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'command'}: ${issue.message}`)
        .join('; ');
      fail(commandName(raw), null, `Malformed command (${issues}).`);
      return;
    }
    const command = parsed.data;
    const callId = 'callId' in command ? command.callId : null;
    try {
      Promise.resolve(run(command)).catch((error: unknown) => fail(command.type, callId, errorMessage(error)));
    } catch (error) {
      fail(command.type, callId, errorMessage(error));
    }
  });
}
