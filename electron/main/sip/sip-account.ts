import type { MediaSipAccount } from '../../common/contract/media-host-contract';
import type { SipAccount } from '../../common/contract/sign-in';

/**
 * Turns what the supervisor typed (a full SIP URI or just an extension) into the account the media
 * host registers with. A bare extension takes its domain from the SIP WebSocket's host.
 */
export function toMediaSipAccount(account: SipAccount, displayName: string): MediaSipAccount {
  const host = new URL(account.webSocketUrl).hostname;
  const typed = account.sipUri.trim();
  const withScheme = /^sips?:/i.test(typed) ? typed : `sip:${typed}`;
  const sipUri = withScheme.includes('@') ? withScheme : `${withScheme}@${host}`;
  const userPart = sipUri.replace(/^sips?:/i, '').split('@')[0] ?? '';
  return {
    webSocketUrl: account.webSocketUrl,
    sipUri,
    authorizationUser: account.authorizationUser.trim() || userPart,
    password: account.password,
    displayName,
  };
}
