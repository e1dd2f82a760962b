// The first call in a fresh process paid ~200 ms extra: werift creates its DTLS certificate lazily and
// its ICE/DTLS/SRTP code runs cold. Connecting two throwaway peers over loopback at start-up moves
// that cost out of the first monitoring call.
import { RTCPeerConnection } from 'werift';
import { loopbackPeerConfig, MediaSession } from './media-session';

const WARM_UP_LIMIT_MS = 5_000;

export async function warmUpMedia(options: {
  conversation: Uint8Array;
  stunUrl: string;
  log: (line: string) => void;
}): Promise<void> {
  const offerer = new MediaSession({ ...options, onRtpFromRemote: () => {}, onFailed: () => {} });
  const answerer = new RTCPeerConnection(loopbackPeerConfig(options.stunUrl));
  let timer: NodeJS.Timeout | undefined;
  try {
    const connected = answerer.connectionStateChange.watch((state) => state === 'connected');
    await answerer.setRemoteDescription({ type: 'offer', sdp: await offerer.createOffer() });
    await answerer.setLocalDescription(await answerer.createAnswer());
    await offerer.acceptAnswer(answerer.localDescription!.sdp);
    await Promise.race([
      connected,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no DTLS connection within the limit')), WARM_UP_LIMIT_MS);
      }),
    ]);
  } catch (error) {
    options.log(`media: warm-up did not complete (${String(error)}); the first call will be slower`);
  } finally {
    clearTimeout(timer);
    await offerer.close();
    await answerer.close();
  }
}
