import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';

/**
 * One policy for serving the renderer's files, used by Electron's app:// protocol and by the browser
 * host: only files under the root, a fixed set of types, and a CSP on every page.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The media host page has no UI to protect but must reach the SIP server wherever main's settings
 * put it (ws:// on a LAN, wss:// elsewhere), and play remote WebRTC audio.
 */
export const mediaHostContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
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
