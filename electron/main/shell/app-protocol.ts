import { protocol } from 'electron';
import { readStaticFile } from '../platform/static-files';
import { APP_SCHEME } from './app-url';

/** Must run before app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * app://ui/… serves the built UI page from `roots.ui`. Only known hosts and files under their root are
 * served, with the CSP on every page (see platform/static-files.ts).
 */
export function serveAppScheme(roots: Readonly<Record<string, string>>): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const root = roots[url.host];
    const file = root === undefined ? null : await readStaticFile(root, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { status: 200, headers: file.headers });
  });
}
