import type { MediaEvent } from '../../electron/common/contract/media-host-contract';
import type { RegistrationState } from '../../electron/common/models/sip-registration';
import { describeConnectionLoss, describeRegistrationFailure, type SipStatus } from './failure-reasons';

type RegistrationEvent = Extract<MediaEvent, { type: 'registration' }>;

/**
 * Turns one user agent's transport and registrar events into the registration states main sees.
 * JsSIP reports a dropped WebSocket as "disconnected" then "unregistered" and reconnects by itself;
 * main should see one "connecting" with the reason, then "registered" again, not a flicker of
 * states. A retired reporter (its UA replaced or stopped) says nothing more.
 */
export class RegistrationReporter {
  private wanted = true;
  private retired = false;
  private transportUp = false;
  private everConnected = false;
  private last: { state: RegistrationState; reason: string | null } | null = null;

  constructor(
    private readonly webSocketUrl: string,
    private readonly emit: (event: RegistrationEvent) => void,
  ) {}

  starting(): void {
    this.report('connecting', null);
  }

  transportConnected(): void {
    this.transportUp = true;
    this.everConnected = true;
  }

  transportDisconnected(): void {
    this.transportUp = false;
    if (this.wanted) this.report('connecting', describeConnectionLoss(this.webSocketUrl, this.everConnected));
  }

  /** Main asked for a fresh connection: the line is not known to be registered until JsSIP says so again. */
  reconnecting(): void {
    if (this.wanted) this.report('connecting', 'Reconnecting to the SIP server after a network change.');
  }

  registered(): void {
    if (this.wanted) this.report('registered', null);
  }

  /** While registration is wanted, JsSIP's "unregistered" only echoes a drop or a failure already reported. */
  unregistered(): void {
    if (!this.wanted) this.report('unregistered', null);
  }

  registrationFailed(cause: string, status: SipStatus | null): void {
    if (this.wanted) this.report('failed', describeRegistrationFailure(cause, status));
  }

  /** The account could not even be configured; nothing will follow. */
  invalidAccount(reason: string): void {
    this.report('failed', reason);
    this.retire();
  }

  /** Main asked to unregister: say so now; the un-REGISTER finishes in the background. */
  stopped(): void {
    this.wanted = false;
    this.report('unregistered', null);
    this.retire();
  }

  retire(): void {
    this.retired = true;
  }

  get state(): RegistrationState | null {
    return this.last?.state ?? null;
  }

  /** Says the current state again, for a main that asks for a registration already under way. */
  repeat(): void {
    if (this.retired || !this.last) return;
    this.emit({ type: 'registration', state: this.last.state, reason: this.last.reason });
  }

  private report(state: RegistrationState, reason: string | null): void {
    if (this.retired) return;
    if (this.last && this.last.state === state && this.last.reason === reason) return;
    this.last = { state, reason };
    this.emit({ type: 'registration', state, reason });
  }
}
