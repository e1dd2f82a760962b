import type { SipAccount } from '../../common/contract/sign-in';
import type { ProfileSignInRequest, ServerProfile } from '../../common/models/settings';
import { describeUnencrypted, unencryptedTransports } from '../../common/models/transport-security';
import { err, ok, type Result } from '../../common/result';
import type { Logger } from './logger';
import type { SecretStore } from './secret-store';
import type { SettingsStore } from './settings-store';

export interface ProfileSignIn {
  readonly profile: ServerProfile;
  /** The contact center's password for profile.userName at profile.gwsUrl. */
  readonly password: string;
  readonly sip: SipAccount | null;
}

const gwsKey = (profileId: string) => `profile.${profileId}.gws`;
const sipKey = (profileId: string) => `profile.${profileId}.sip`;

/**
 * Sign-in with a saved server profile. Passwords come from what the supervisor typed or, failing
 * that, from the secret store; they go to the contact center and the SIP account, never to the UI.
 */
export class RememberedCredentials {
  constructor(
    private readonly options: {
      readonly settings: SettingsStore;
      readonly secrets: SecretStore;
      readonly logger: Logger;
    },
  ) {}

  async prepare(request: ProfileSignInRequest): Promise<Result<ProfileSignIn>> {
    const profile = this.profile(request.profileId);
    if (!profile) return err('invalid-input', 'That server is no longer in your settings. Choose another one.');
    if (!profile.userName) return err('invalid-input', `Enter your user name for ${profile.name} in Settings first.`);
    const unencrypted = unencryptedOf(profile);
    // The profile's remembered choice only preselects the box; every sign-in says so itself.
    if (unencrypted.length > 0 && request.acceptUnencrypted !== true) {
      return err('unencrypted', describeUnencrypted(unencrypted));
    }
    const password = await this.password(request.password, profile, gwsKey(profile.id), 'Enter your password.');
    if (!password.ok) return password;
    let sip: SipAccount | null = null;
    if (profile.sip) {
      const sipPassword = await this.password(
        request.sipPassword,
        profile,
        sipKey(profile.id),
        'Enter your SIP password.',
      );
      if (!sipPassword.ok) return sipPassword;
      sip = { ...profile.sip, password: sipPassword.value };
    }
    return ok({ profile, password: password.value, sip });
  }

  /**
   * After the contact center accepted the sign-in: keep or forget the passwords as the supervisor
   * chose, and preselect this server next time. A failure here is logged; the sign-in stands.
   */
  async afterSignIn(request: ProfileSignInRequest, prepared: ProfileSignIn): Promise<void> {
    const { secrets, logger } = this.options;
    const remember = request.rememberPassword && secrets.available;
    if (request.rememberPassword && !secrets.available)
      logger.warn('Passwords cannot be remembered here', { reason: secrets.unavailableReason });
    if (remember) {
      const saved = [
        request.password ? await secrets.save(gwsKey(prepared.profile.id), prepared.password) : ok(null),
        request.sipPassword && prepared.sip
          ? await secrets.save(sipKey(prepared.profile.id), prepared.sip.password)
          : ok(null),
      ];
      for (const result of saved)
        if (!result.ok) logger.warn('Could not remember a password', { reason: result.error.message });
    } else {
      await this.forget(prepared.profile.id);
    }
    const updated = this.options.settings.update((settings) => ({
      ...settings,
      servers: {
        lastProfileId: prepared.profile.id,
        profiles: settings.servers.profiles.map((profile) =>
          profile.id === prepared.profile.id
            ? {
                ...profile,
                rememberPassword: remember,
                acceptedUnencryptedUrls: request.acceptUnencrypted
                  ? unencryptedOf(prepared.profile).map((transport) => transport.url)
                  : [],
              }
            : profile,
        ),
      },
    }));
    if (!updated.ok) logger.warn('Could not save the server choice', { reason: updated.error.message });
  }

  async forget(profileId: string, which: 'all' | 'sip' = 'all'): Promise<void> {
    const keys = which === 'sip' ? [sipKey(profileId)] : [gwsKey(profileId), sipKey(profileId)];
    for (const key of keys) {
      const deleted = await this.options.secrets.delete(key);
      if (!deleted.ok)
        this.options.logger.warn('Could not forget a remembered password', { reason: deleted.error.message });
    }
  }

  /** Profiles whose contact-center password is stored, so the sign-in screen can leave it empty. */
  async rememberedProfileIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const profile of this.options.settings.get().servers.profiles) {
      if (profile.rememberPassword && (await this.options.secrets.has(gwsKey(profile.id)))) ids.push(profile.id);
    }
    return ids;
  }

  private profile(profileId: string): ServerProfile | undefined {
    return this.options.settings.get().servers.profiles.find((profile) => profile.id === profileId);
  }

  private async password(
    typed: string | undefined,
    profile: ServerProfile,
    key: string,
    missing: string,
  ): Promise<Result<string>> {
    if (typed) return ok(typed);
    if (!profile.rememberPassword) return err('invalid-input', missing);
    const remembered = await this.options.secrets.load(key);
    if (!remembered.ok) {
      await this.options.secrets.delete(key);
      return remembered;
    }
    return remembered.value === null ? err('invalid-input', missing) : ok(remembered.value);
  }
}

function unencryptedOf(profile: ServerProfile) {
  return unencryptedTransports({ gwsUrl: profile.gwsUrl, sipWebSocketUrl: profile.sip?.webSocketUrl ?? null });
}
