import { rootCertificates } from 'node:tls';
import { Agent, fetch, type RequestInit, type Response } from 'undici';
import type { TrustedCas } from './ca-certificates';

/** How main's requests to GWS reach it: one fetch, so REST and CometD always trust the same servers. */
export type GwsFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Which servers one GWS session trusts: the system's CAs, plus the server profile's own CA when it
 * has one. Made at sign-in from the profile and handed to REST and CometD alike.
 */
export interface SessionTrust {
  readonly fetch: GwsFetch;
  /** The profile's CA, trusted besides the system's; null when only the system's are. */
  readonly privateCa: TrustedCas | null;
}

/**
 * Node 20 cannot add a CA to a running process, and a per-request `ca` replaces the default list,
 * so the profile's CA goes in beside Node's bundled roots in a connection pool of this session's
 * own. (Without a profile CA the pool keeps Node's defaults, NODE_EXTRA_CA_CERTS included.)
 */
export function createSessionTrust(privateCa: TrustedCas | null): SessionTrust {
  const dispatcher = new Agent(privateCa ? { connect: { ca: [...rootCertificates, privateCa.pem] } } : {});
  return {
    privateCa,
    // undici's own fetch, the one that takes this dispatcher (Node 20's global fetch is an older undici).
    fetch: (url, init) => fetch(url, { ...init, dispatcher }),
  };
}
