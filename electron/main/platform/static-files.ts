import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';

/**
 * One policy for serving the renderer's files, used by Electron's app:// protocol and by the browser
 * host: only files under the root, a fixed set of types, and a CSP on every page. Each page's
 * connect-src lists exactly what it may reach.
 */
/** What every page's policy says besides its sources: no plugins, no <base>, no framing, no forms. */
const lockedDown = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"];

function connectSource(sources: readonly string[]): string {
  return sources.length === 0 ? "connect-src 'none'" : `connect-src ${sources.join(' ')}`;
}

/**
 * The UI page's policy. It opens no connection of its own in the Electron app (IPC is not
 * network); in the browser edition it opens exactly one WebSocket, to the host it came from.
 */
export function uiContentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    connectSource(connect),
    ...lockedDown,
  ].join('; ');
}

/** The Electron UI window's policy: app:// pages, no network at all. */
export const contentSecurityPolicy = uiContentSecurityPolicy();

/**
 * The media host page shows only its status, styled by its own stylesheet, but must reach the one
 * SIP server the supervisor signed in with (MediaPagePolicy) and play remote WebRTC audio; in the
 * browser edition it also opens its own bridge socket. Before a sign-in it may connect nowhere else.
 */
export function mediaHostContentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    connectSource(connect),
    ...lockedDown,
  ].join('; ');
}

/** The browser edition's launch page: its own script and style, and one request back to its host. */
export const launchPageContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  'img-src data:',
  "connect-src 'self'",
  ...lockedDown,
].join('; ');

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Resolves a URL path inside `root`; null for anything outside it or of a type not served. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, normalize(relative));
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + sep)) return null;
  if (!(extname(target) in contentTypes)) return null;
  return target;
}

export async function readStaticFile(
  root: string,
  urlPath: string,
  options: { readonly contentSecurityPolicy?: string } = {},
): Promise<StaticFile | null> {
  const path = resolveStaticPath(root, urlPath);
  if (path === null) return null;
  try {
    const body = await readFile(path);
    const contentType = contentTypes[extname(path)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    if (contentType.startsWith('text/html')) {
      headers['Content-Security-Policy'] = options.contentSecurityPolicy ?? contentSecurityPolicy;
      headers['Referrer-Policy'] = 'no-referrer';
    }
    return { body, contentType, headers };
  } catch {
    return null;
  }
}
