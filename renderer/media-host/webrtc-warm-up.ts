/** How the throwaway call at page start went; kept on the page's root element for tests and diagnostics. */
export type WarmUpOutcome = 'connected' | 'timed-out' | 'failed';

/**
 * Chromium sets WebRTC up on first use (its network thread, ICE, the DTLS certificate and handshake
 * code), which made the first monitored call after the audio page started 220–725 ms slower to first
 * audio than the rest (82 ms median). A throwaway call between two peer connections inside this page,
 * with no track and no microphone, does that work when the page starts instead. Bounded by `limitMs`;
 * both connections are closed whatever happens.
 */
export async function warmUpWebRtc(limitMs = 3_000): Promise<WarmUpOutcome> {
  const caller = new RTCPeerConnection({ iceServers: [] });
  const callee = new RTCPeerConnection({ iceServers: [] });
  const forward = (to: RTCPeerConnection) => (event: RTCPeerConnectionIceEvent) => {
    if (event.candidate) to.addIceCandidate(event.candidate).catch(() => undefined);
  };
  caller.onicecandidate = forward(callee);
  callee.onicecandidate = forward(caller);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    caller.addTransceiver('audio', { direction: 'recvonly' });
    const connected = new Promise<WarmUpOutcome>((resolve) => {
      caller.onconnectionstatechange = () => {
        if (caller.connectionState === 'connected') resolve('connected');
        else if (caller.connectionState === 'failed') resolve('failed');
      };
      timer = setTimeout(() => resolve('timed-out'), limitMs);
    });
    await caller.setLocalDescription();
    const offer = caller.localDescription;
    if (!offer) return 'failed';
    await callee.setRemoteDescription(offer);
    await callee.setLocalDescription();
    const answer = callee.localDescription;
    if (!answer) return 'failed';
    await caller.setRemoteDescription(answer);
    return await connected;
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
    caller.close();
    callee.close();
  }
}
