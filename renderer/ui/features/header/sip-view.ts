import type { SipStatus } from '../../../../electron/common/models/voice';
import { assertNever } from '../../../../electron/common/result';
import type { ConnectionTone } from './connection-view';

export interface SipView {
  readonly tone: ConnectionTone;
  readonly label: string;
  /** The whole story for the tooltip: state, reason and the address the phone registers as. */
  readonly title: string;
  /** Shown beside the label only when it explains a problem. */
  readonly reason: string | null;
}

/**
 * "Phone" is the supervisor's word for the SIP line that carries monitored audio; without it no
 * monitoring call can reach Earshot, whatever GWS says.
 */
export function describeSip(sip: SipStatus): SipView {
  const reason = withoutClosingPeriod(sip.reason);
  const address = sip.address === null ? '' : ` as ${sip.address}`;
  switch (sip.registration) {
    case 'registered':
      return { tone: 'good', label: 'Phone ready', title: `Phone line registered${address}.`, reason: null };
    case 'connecting':
      return {
        tone: 'warning',
        label: 'Phone connecting…',
        title: `Registering the phone line${address}${reason ? `: ${reason}` : ''}.`,
        reason: null,
      };
    case 'failed':
      return {
        tone: 'bad',
        label: 'Phone failed',
        title: `The phone line could not register${address}: ${reason ?? 'no reason given'}. Monitored calls cannot reach you.`,
        reason,
      };
    case 'unregistered':
      return {
        tone: 'neutral',
        label: 'Phone off',
        title: `The phone line is not registered${reason ? `: ${reason}` : ''}. Monitored calls cannot reach you.`,
        reason: null,
      };
    default:
      return assertNever(sip.registration);
  }
}

/** Reasons arrive as whole sentences ("… (401 Unauthorized).") and are set inside one, which has its own period. */
function withoutClosingPeriod(reason: string | null): string | null {
  const trimmed = reason?.trim().replace(/\.+$/, '') ?? '';
  return trimmed === '' ? null : trimmed;
}
