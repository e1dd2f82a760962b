import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { CaCertificateSummary } from '../../../../electron/common/models/settings';
import { useCommands } from '../../store/store-context';
import { browserTrustNote, describeCaCertificates } from './ca-certificate';

/** A CA file is a few kilobytes; anything much larger is not one, and is not read into memory. */
const maxFileBytes = 64_000;

/**
 * The server profile's own CA certificate: chosen as a file, read by main at once (what it is, or
 * why it cannot be used), kept as text in the profile when the profile is saved.
 */
export function CaCertificateField({
  pem,
  savedSummary,
  browserEdition,
  error,
  onChange,
}: {
  /** The PEM text the form holds; empty for none. */
  pem: string;
  /** What main read in the saved profile's certificate, when `pem` is that one. */
  savedSummary: readonly CaCertificateSummary[] | null;
  browserEdition: boolean;
  error: string | undefined;
  onChange: (pem: string) => void;
}) {
  const commands = useCommands();
  const id = useId();
  const [chosen, setChosen] = useState<{ pem: string; summary: readonly CaCertificateSummary[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  // Expiry is told in days: the time the form opened is close enough.
  const [now] = useState(() => Date.now());
  const summary = chosen !== null && chosen.pem === pem ? chosen.summary : savedSummary;
  const shownError = problem ?? error ?? null;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setProblem(null);
    if (file.size > maxFileBytes) {
      setProblem(`${file.name} is too large for a CA certificate. Choose the file with only your organisation's CA.`);
      input.value = '';
      return;
    }
    setReading(true);
    const text = await file.text();
    const read = await commands.inspectCaCertificate(text);
    setReading(false);
    input.value = '';
    if (!read.ok) {
      setProblem(`${file.name}: ${read.error.message}`);
      return;
    }
    setChosen({ pem: text, summary: read.value });
    onChange(text);
  };

  const summaryId = `${id}-summary`;
  const messageId = `${id}-message`;
  const hintId = `${id}-hint`;
  const describedBy = [pem !== '' ? summaryId : null, shownError !== null ? messageId : null, hintId]
    .filter((part) => part !== null)
    .join(' ');

  return (
    <div
      className={shownError !== null ? 'field field--invalid ca-field' : 'field ca-field'}
      data-testid="ca-certificate"
    >
      <label className="field__label" htmlFor={id}>
        Organisation CA certificate <span className="sip-section__optional">optional</span>
      </label>
      {pem !== '' && (
        <div className="ca-field__chosen">
          <p id={summaryId} className="ca-field__summary" data-testid="ca-certificate-summary">
            {summary !== null && summary.length > 0
              ? describeCaCertificates(summary, now)
              : 'A CA certificate is set for this server.'}
          </p>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              setProblem(null);
              onChange('');
            }}
          >
            Remove
          </button>
        </div>
      )}
      <input
        id={id}
        type="file"
        name="caCertificate"
        className="ca-field__input"
        accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert"
        aria-invalid={shownError !== null ? true : undefined}
        aria-describedby={describedBy}
        aria-busy={reading}
        onChange={(event) => void choose(event)}
      />
      {shownError !== null && (
        <p id={messageId} className="field__error" role="alert">
          {shownError}
        </p>
      )}
      <p id={hintId} className="field__hint">
        Only if your contact center’s servers use a certificate from your organisation’s own CA. Earshot trusts it for
        this server profile alone,{' '}
        {browserEdition ? `for GWS (https://). ${browserTrustNote}` : 'for GWS (https://) and the SIP line (wss://).'}
      </p>
    </div>
  );
}
