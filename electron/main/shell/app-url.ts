/**
 * Earshot's pages are served on app://<host>/. These checks need no Electron, so the navigation
 * guard, the permission handlers and the IPC sender checks share them and unit tests run them in Node.
 */
export const APP_SCHEME = 'app';

/** The media page lives at app://media/; its window's session serves nothing else. */
export const MEDIA_HOST_NAME = 'media';

export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).protocol === `${APP_SCHEME}:`;
  } catch {
    return false;
  }
}

/** app:// is not a special scheme to WHATWG URL, so its origin reads "null": compare scheme and host. */
export function isMediaPageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === MEDIA_HOST_NAME;
  } catch {
    return false;
  }
}
