import type { CaCertificateSummary } from '../../../../electron/common/models/settings';

/** "Example Root CA, Example — valid until 4 Jan 2027", one line per certificate in the file. */
export function describeCaCertificates(summary: readonly CaCertificateSummary[], now: number): string {
  return summary
    .map((certificate) => {
      const day = new Date(certificate.expiresAt).toLocaleDateString([], { dateStyle: 'medium' });
      return `${certificate.subject} — ${certificate.expiresAt <= now ? `expired on ${day}` : `valid until ${day}`}`;
    })
    .join('; ');
}

/** The browser edition's page connects to the SIP server with the browser's own trust, which Earshot cannot add to. */
export const browserTrustNote =
  'Your browser checks the SIP server (wss://) itself: it connects only when this CA is also in the trust store of this computer or of the browser.';
