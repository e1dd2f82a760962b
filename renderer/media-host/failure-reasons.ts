/**
 * JsSIP and the browser report failures as terse causes and DOMException names; the supervisor
 * reads sentences. Pure functions, so every wording is covered by unit tests.
 */

export interface SipStatus {
  readonly code: number;
  readonly reason: string;
}

export function describeRegistrationFailure(cause: string, status: SipStatus | null): string {
  const suffix = status ? ` (${status.code} ${status.reason})` : '';
  // Many registrars answer a wrong digest password with 403 rather than a second 401.
  const credentialsRefused = cause === 'Authentication Error' || (cause === 'Rejected' && status?.code === 403);
  if (credentialsRefused) return `The SIP server refused the user name or password${suffix}.`;
  switch (cause) {
    case 'Rejected':
      return `The SIP server refused to register this phone${suffix}.`;
    case 'Not Found':
      return `The SIP server does not know this SIP address${suffix}.`;
    case 'Request Timeout':
      return 'The SIP server did not answer the registration in time.';
    case 'Connection Error':
      return 'Cannot reach the SIP server.';
    case 'Redirected':
      return `The SIP server redirected the registration elsewhere, which Earshot does not follow${suffix}.`;
    default:
      return `The SIP server refused the registration${suffix || ` (${cause})`}.`;
  }
}

export function describeConnectionLoss(webSocketUrl: string, everConnected: boolean): string {
  return everConnected
    ? `Lost the connection to the SIP server at ${webSocketUrl}; reconnecting.`
    : `Cannot reach the SIP server at ${webSocketUrl}; retrying.`;
}

export function describeCallEnd(originator: string, cause: string): string {
  const byUs = originator === 'local';
  switch (cause) {
    case 'Terminated':
      return byUs ? 'Hung up.' : 'The other side hung up.';
    case 'Canceled':
      return byUs ? 'Cancelled.' : 'The call was withdrawn before it was answered.';
    case 'Rejected':
      return byUs ? 'Declined.' : 'The other side rejected the call.';
    case 'No Answer':
      return 'Nobody answered the call in time.';
    case 'Expires':
      return 'The call stopped ringing (its offer expired).';
    case 'RTP Timeout':
      return 'The audio connection failed.';
    case 'WebRTC Error':
    case 'Bad Media Description':
    case 'Incompatible SDP':
    case 'Missing SDP':
      return 'The call’s audio could not be set up.';
    case 'Connection Error':
      return 'Lost the connection to the SIP server.';
    case 'Request Timeout':
      return 'The SIP server stopped answering.';
    case 'No ACK':
      return 'The SIP server never confirmed the answer.';
    case 'User Denied Media Access':
      return 'Access to the microphone was denied.';
    default:
      return `The call ended (${cause}).`;
  }
}

/**
 * A call that ended while its ICE restart waited for an answer: JsSIP ends the dialog on a 481 or 408
 * (RFC 3261 §12.2.1.2: the server no longer has the call), on a timeout or a lost connection (no
 * answer) and on any other refusal.
 */
export function describeIceRestartEnd(
  originator: string,
  cause: string,
): { readonly outcome: 'call-gone' | 'no-answer' | 'refused'; readonly reason: string } {
  switch (cause) {
    case 'Dialog Error':
      return { outcome: 'call-gone', reason: 'The SIP server no longer has this call.' };
    case 'Request Timeout':
    case 'Connection Error':
      return { outcome: 'no-answer', reason: 'The SIP server did not answer the move to the new network.' };
    default:
      return { outcome: 'refused', reason: describeCallEnd(originator, cause) };
  }
}

/** getUserMedia rejects with DOMExceptions; their names say what went wrong. */
export function describeMicrophoneError(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Earshot is not allowed to use the microphone.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'The chosen microphone is not connected.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The microphone could not be started; another application may be using it.';
    default:
      return `The microphone could not be opened (${error instanceof Error ? error.message : String(error)}).`;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
