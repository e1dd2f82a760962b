/**
 * The launch page of the browser edition: the only page served without Earshot's key. It takes the
 * key from the address (#key=…), drops it from the address bar and history at once, exchanges it
 * for an HttpOnly cookie, and goes on to the page the key is for.
 */
const launchPath = '/launch';

function say(text: string): void {
  const status = document.getElementById('launch-status');
  if (status) status.textContent = text;
}

async function launch(): Promise<void> {
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  history.replaceState(null, '', launchPath);
  if (!key) {
    say(
      'This page needs the address Earshot printed when it started (it ends in #key=…). Open that address, or start Earshot again.',
    );
    return;
  }
  let response: Response;
  try {
    response = await fetch(launchPath, {
      method: 'POST',
      body: key,
      headers: { 'Content-Type': 'text/plain' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    say('Earshot is not running any more. Start it again and open the address it prints.');
    return;
  }
  const answer: unknown = await response.json().catch(() => null);
  const next = typeof answer === 'object' && answer !== null && 'next' in answer ? answer.next : null;
  if (!response.ok || typeof next !== 'string' || !next.startsWith('/')) {
    say(
      'This address has been used already, has expired, or is from an earlier start of Earshot. Open the address Earshot printed most recently.',
    );
    return;
  }
  location.replace(next);
}

void launch();
