/**
 * The media window's one permission decision, apart from Electron so it is tested on its own: the
 * microphone for the media page only, audio only, and only while main wants it open for a call.
 */
export interface MediaPermissionRequest {
  readonly permission: string;
  readonly mediaTypes: readonly string[];
  readonly fromMediaPage: boolean;
  readonly microphoneWanted: boolean;
}

export function mediaPermissionDecision(request: MediaPermissionRequest): { granted: boolean; reason: string } {
  if (!request.fromMediaPage) return { granted: false, reason: 'not the media page' };
  if (request.permission !== 'media') return { granted: false, reason: `${request.permission} is never granted` };
  if (request.mediaTypes.length === 0 || request.mediaTypes.some((type) => type !== 'audio')) {
    return { granted: false, reason: 'only audio is ever granted' };
  }
  if (!request.microphoneWanted) return { granted: false, reason: 'no call wants the microphone open now' };
  return { granted: true, reason: 'a call wants the microphone open' };
}
