import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private CA made for one test run, and a server certificate it signed for 127.0.0.1 and localhost. */
export interface TestCa {
  readonly caPem: string;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
}

const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/**
 * Made with openssl (node:crypto makes keys but not certificates). Each call makes a new CA, so a
 * second call gives a CA that the first one's server certificate does not chain to.
 */
export function makeTestCa(commonName = 'Earshot Test Root CA'): TestCa {
  const folder = mkdtempSync(join(tmpdir(), 'earshot-ca-'));
  const path = (name: string) => join(folder, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    openssl([
      ...['req', '-x509', ...newKey, '-days', '30', '-subj', `/O=Earshot Tests/CN=${commonName}`],
      ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
      ...['-keyout', path('ca.key'), '-out', path('ca.pem')],
    ]);
    openssl(['req', ...newKey, '-subj', '/CN=localhost', '-keyout', path('server.key'), '-out', path('server.csr')]);
    writeFileSync(
      path('server.ext'),
      [
        'basicConstraints=CA:FALSE',
        'keyUsage=digitalSignature',
        'extendedKeyUsage=serverAuth',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ].join('\n'),
    );
    openssl([
      ...['x509', '-req', '-in', path('server.csr'), '-days', '30', '-extfile', path('server.ext')],
      ...['-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial', '-out', path('server.pem')],
    ]);
    return {
      caPem: readFileSync(path('ca.pem'), 'utf8'),
      serverCertPem: readFileSync(path('server.pem'), 'utf8'),
      serverKeyPem: readFileSync(path('server.key'), 'utf8'),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
