import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { defaultSettings } from '../../../../electron/common/models/settings';
import type {
  HotkeyAction,
  KeyboardSettings,
  MonitoringDefaults,
  NotificationSettings,
  SettingsPatch,
  SettingsView,
} from '../../../../electron/common/models/settings';
import type { MessagingFrequency, MessagingMode } from '../../../../electron/common/models/messaging';
import type { MonitoringScope, VoiceFrequency, VoiceMode } from '../../../../electron/common/models/voice';
import { err } from '../../../../electron/common/result';
import { CloseIcon, GearIcon } from '../../components/icons';
import { commandKeys, failureOf, isSending } from '../../store/command-status';
import { useAppStore, useAppStoreApi, useCommands } from '../../store/store-context';
import type { ThemePreference } from '../../store/theme';
import { AudioDeviceFields } from '../audio/audio-devices';
import { CopyDiagnosticsButton } from '../diagnostics/copy-diagnostics-button';
import {
  frequencyLabels as messagingFrequencyLabels,
  modeConsequences,
  modeLabels as messagingModeLabels,
} from '../messaging/messaging-model';
import { shortcutBindings, shortcutText } from '../voice/shortcuts';
import { frequencyLabels, modeLabels, scopeLabels } from '../voice/voice-model';
import { hotkeyActions, isMacPlatform } from './accelerator';
import { ChoiceGroup } from './choice-group';
import type { Choice } from './choice-group';
import { HotkeyField } from './hotkey-field';
import './settings.css';

const voiceModeHints: Readonly<Record<VoiceMode, string>> = {
  ListenIn: 'Silent: nobody hears you.',
  Coach: 'The agent hears you, the customer does not.',
  BargeIn: 'The agent and the customer hear you.',
};

const voiceModeChoices: ReadonlyArray<Choice<VoiceMode>> = (['ListenIn', 'Coach', 'BargeIn'] as const).map((value) => ({
  value,
  label: modeLabels[value],
  hint: voiceModeHints[value],
}));

const scopeChoices: ReadonlyArray<Choice<MonitoringScope>> = (['Call', 'Agent'] as const).map((value) => ({
  value,
  label: scopeLabels[value].label,
  hint: `${scopeLabels[value].hint}.`,
}));

const voiceFrequencyChoices: ReadonlyArray<Choice<VoiceFrequency>> = (['AllCalls', 'NextCall'] as const).map(
  (value) => ({ value, label: frequencyLabels[value].label, hint: `${frequencyLabels[value].hint}.` }),
);

const messagingModeChoices: ReadonlyArray<Choice<MessagingMode>> = (['Monitor', 'Coach', 'BargeIn'] as const).map(
  (value) => ({ value, label: messagingModeLabels[value], hint: `${capitalize(modeConsequences[value])}.` }),
);

const messagingFrequencyChoices: ReadonlyArray<Choice<MessagingFrequency>> = (['AllChats', 'NextChat'] as const).map(
  (value) => ({
    value,
    label: messagingFrequencyLabels[value].label,
    hint: `${messagingFrequencyLabels[value].hint}.`,
  }),
);

const themeChoices: ReadonlyArray<Choice<ThemePreference>> = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System', hint: 'Follows the system’s light or dark setting.' },
];

const notificationChoices: ReadonlyArray<{ key: keyof NotificationSettings; label: string; hint: string }> = [
  { key: 'voice', label: 'Monitored calls', hint: 'When a monitored call starts or ends' },
  { key: 'chat', label: 'Chats', hint: 'When a monitored chat starts or ends' },
  { key: 'sms', label: 'SMS sessions', hint: 'When a monitored SMS session starts or ends' },
  {
    key: 'voiceWhileAudioPlays',
    label: 'Calls while you are listening',
    hint: 'Call notices even while a monitored call’s audio plays',
  },
];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const isMac = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);

/** Saves a part of the settings built from the freshest view, so one quick change never undoes another. */
function useSaveSettings() {
  const commands = useCommands();
  const store = useAppStoreApi();
  return (part: string, build: (view: SettingsView) => SettingsPatch) => {
    const view = store.getState().settings.view;
    if (view === null) return Promise.resolve(err<null>('internal', 'Your settings have not been read yet.'));
    return commands.updateSettings(part, build(view));
  };
}

function useSettingsPart(part: string) {
  const key = commandKeys.settings(part);
  const saving = useAppStore((state) => isSending(state.ui.commandStatuses, key));
  const failure = useAppStore((state) => failureOf(state.ui.commandStatuses, key)?.message ?? null);
  return { saving, failure };
}

function Section({
  title,
  description,
  failure,
  children,
}: {
  title: string;
  description?: string;
  failure?: string | null;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <div className="settings-section__head">
        <h3 id={headingId} className="settings-section__title">
          {title}
        </h3>
        {description !== undefined && <p className="settings-section__description">{description}</p>}
      </div>
      {children}
      {failure && (
        <p className="settings-section__problem" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

function NicknameField({ nickname, onSave }: { nickname: string | null; onSave: (nickname: string | null) => void }) {
  const id = useId();
  // Null while not being edited: the saved nickname shows, whatever changed it.
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const trimmed = draft.trim();
    setDraft(null);
    if (trimmed !== (nickname ?? '')) onSave(trimmed === '' ? null : trimmed);
  };
  return (
    <div className="settings-field">
      <label className="choice-group__legend" htmlFor={id}>
        Nickname
      </label>
      <input
        id={id}
        type="text"
        className="settings-field__input"
        data-testid="settings-nickname"
        maxLength={64}
        placeholder="Your user name"
        value={draft ?? nickname ?? ''}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
        autoComplete="off"
        spellCheck={false}
      />
      <p className="choice-group__hint">The name others see when you coach or barge in on a chat or SMS.</p>
    </div>
  );
}

function MonitoringSection({ monitoring }: { monitoring: MonitoringDefaults }) {
  const save = useSaveSettings();
  // Never disabled while saving: a disabled group drops the keyboard's focus, and changes queue safely.
  const { failure } = useSettingsPart('monitoring');
  const change = (next: (current: MonitoringDefaults) => MonitoringDefaults) =>
    void save('monitoring', (view) => ({ monitoring: next(view.settings.monitoring) }));
  const { voice, messaging } = monitoring;
  return (
    <Section
      title="Monitoring"
      description="What each agent’s row offers first. Changing them also changes this session’s choices."
      failure={failure}
    >
      <div className="settings-columns">
        <div className="settings-column" data-testid="settings-voice-defaults">
          <h4 className="settings-column__title">Calls</h4>
          <ChoiceGroup
            legend="Start with"
            choices={voiceModeChoices}
            value={voice.mode}
            testId="settings-voice-mode"
            onChange={(mode) => change((current) => ({ ...current, voice: { ...current.voice, mode } }))}
          />
          <ChoiceGroup
            legend="Scope"
            choices={scopeChoices}
            value={voice.scope}
            testId="settings-voice-scope"
            onChange={(scope) => change((current) => ({ ...current, voice: { ...current.voice, scope } }))}
          />
          <ChoiceGroup
            legend="Which calls"
            choices={voiceFrequencyChoices}
            value={voice.frequency}
            testId="settings-voice-frequency"
            onChange={(frequency) => change((current) => ({ ...current, voice: { ...current.voice, frequency } }))}
          />
        </div>
        <div className="settings-column" data-testid="settings-messaging-defaults">
          <h4 className="settings-column__title">Chats &amp; SMS</h4>
          <ChoiceGroup
            legend="Start with"
            choices={messagingModeChoices}
            value={messaging.mode}
            testId="settings-messaging-mode"
            onChange={(mode) => change((current) => ({ ...current, messaging: { ...current.messaging, mode } }))}
          />
          <ChoiceGroup
            legend="Which ones"
            choices={messagingFrequencyChoices}
            value={messaging.frequency}
            testId="settings-messaging-frequency"
            onChange={(frequency) =>
              change((current) => ({ ...current, messaging: { ...current.messaging, frequency } }))
            }
          />
          <NicknameField
            nickname={messaging.nickname}
            onSave={(nickname) => change((current) => ({ ...current, messaging: { ...current.messaging, nickname } }))}
          />
        </div>
      </div>
    </Section>
  );
}

const VOLUME_SAVE_DELAY_MS = 400;

function AudioSection({ volume }: { volume: number }) {
  const id = useId();
  const save = useSaveSettings();
  const { failure } = useSettingsPart('audio');
  // Null once saved: the saved volume shows again.
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // A slider sends a change per step; only where it comes to rest is saved.
  const change = (percent: number) => {
    setDraft(percent);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void save('audio', (view) => ({ audio: { ...view.settings.audio, volume: percent / 100 } }));
      setDraft(null);
    }, VOLUME_SAVE_DELAY_MS);
  };
  const percent = draft ?? Math.round(volume * 100);
  return (
    <Section title="Audio" failure={failure}>
      <div className="settings-devices">
        <AudioDeviceFields testIdPrefix="settings-" />
      </div>
      <div className="settings-field">
        <label className="choice-group__legend" htmlFor={id}>
          Starting volume of a monitored call
        </label>
        <div className="settings-volume">
          <input
            id={id}
            type="range"
            min={0}
            max={100}
            step={5}
            value={percent}
            data-testid="settings-volume"
            onChange={(event) => change(Number(event.target.value))}
          />
          <output htmlFor={id} className="settings-volume__value">
            {percent} %
          </output>
        </div>
      </div>
    </Section>
  );
}

function HotkeysSection({
  hotkeys,
  problems,
}: {
  hotkeys: SettingsView['settings']['hotkeys'];
  problems: SettingsView['hotkeyProblems'];
}) {
  const commands = useCommands();
  const save = useSaveSettings();
  const restoring = useSettingsPart('hotkeys');
  const defaults = defaultSettings().hotkeys;
  const atDefaults = hotkeyActions.every((action) => hotkeys[action] === defaults[action]);
  return (
    <Section
      title="Hotkeys"
      description="They work in every application while Earshot runs, and act on the newest monitored call."
      failure={restoring.failure}
    >
      <div className="hotkeys">
        {hotkeyActions.map((action) => (
          <HotkeyRow
            key={action}
            action={action}
            value={hotkeys[action]}
            problem={problems[action] ?? null}
            save={save}
          />
        ))}
      </div>
      <button
        type="button"
        className="button button--small settings-section__action"
        disabled={atDefaults || restoring.saving}
        onClick={() => void commands.updateSettings('hotkeys', { hotkeys: defaults })}
      >
        Restore default hotkeys
      </button>
    </Section>
  );
}

function HotkeyRow({
  action,
  value,
  problem,
  save,
}: {
  action: HotkeyAction;
  value: string | null;
  problem: string | null;
  save: ReturnType<typeof useSaveSettings>;
}) {
  const part = `hotkey-${action}`;
  const { saving } = useSettingsPart(part);
  return (
    <HotkeyField
      action={action}
      value={value}
      problem={problem}
      mac={isMac}
      saving={saving}
      onSave={(text) => save(part, (view) => ({ hotkeys: { ...view.settings.hotkeys, [action]: text } }))}
    />
  );
}

const { listen, muteAgent, hangUp, bargeIn } = shortcutBindings;
const singleKeysHint =
  `${shortcutText(listen)} listens, ${shortcutText(muteAgent)} mutes or unmutes the agent, ` +
  `${shortcutText(hangUp)} hangs up, / finds an agent. Turn them off if stray keys or speech input set them off.`;

function KeyboardSection({ keyboard }: { keyboard: KeyboardSettings }) {
  const save = useSaveSettings();
  const { failure } = useSettingsPart('keyboard');
  return (
    <Section
      title="Keys in this window"
      description={`Barging in always takes ${shortcutText(bargeIn)} or a click. No key acts while you type, or in a menu or a dialog.`}
      failure={failure}
    >
      <label className="option">
        <input
          type="checkbox"
          checked={keyboard.singleKeyShortcuts}
          data-testid="settings-single-key-shortcuts"
          onChange={(event) => {
            const singleKeyShortcuts = event.target.checked;
            void save('keyboard', (view) => ({ keyboard: { ...view.settings.keyboard, singleKeyShortcuts } }));
          }}
        />
        <span className="option__text">
          <span className="option__label">Single-key shortcuts</span>
          <span className="option__hint">{singleKeysHint}</span>
        </span>
      </label>
    </Section>
  );
}

function AppearanceSection({ theme }: { theme: ThemePreference }) {
  const commands = useCommands();
  const { failure } = useSettingsPart('theme');
  return (
    <Section title="Appearance" failure={failure}>
      <ChoiceGroup
        legend="Theme"
        choices={themeChoices}
        value={theme}
        testId="settings-theme"
        onChange={(next) => void commands.setTheme(next)}
      />
    </Section>
  );
}

function NotificationsSection({ notifications }: { notifications: NotificationSettings }) {
  const save = useSaveSettings();
  const { failure } = useSettingsPart('notifications');
  return (
    <Section
      title="Notifications"
      description="Desktop notices about monitored interactions, for when Earshot is behind other windows."
      failure={failure}
    >
      <div className="settings-checks">
        {notificationChoices.map(({ key, label, hint }) => (
          <label key={key} className="option">
            <input
              type="checkbox"
              checked={notifications[key]}
              data-testid={`settings-notify-${key}`}
              onChange={(event) => {
                const checked = event.target.checked;
                void save('notifications', (view) => ({
                  notifications: { ...view.settings.notifications, [key]: checked },
                }));
              }}
            />
            <span className="option__text">
              <span className="option__label">{label}</span>
              <span className="option__hint">{hint}</span>
            </span>
          </label>
        ))}
      </div>
    </Section>
  );
}

/** Said once, plainly, instead of offering hotkey and notification settings that could never act. */
function DesktopOnlySection({ reason }: { reason: string | null }) {
  return (
    <Section title="In the desktop app only" description={reason ?? undefined}>
      <ul className="settings-desktop-only" data-testid="settings-desktop-only">
        <li>Global hotkeys that work while another application is in front</li>
        <li>The tray icon that says who can hear you</li>
        <li>Desktop notifications about monitored calls, chats and SMS sessions</li>
      </ul>
    </Section>
  );
}

function SettingsBody() {
  const view = useAppStore((state) => state.settings.view);
  if (view === null) {
    return (
      <p className="settings-panel__loading" role="status">
        <span className="spinner" aria-hidden="true" /> Reading your settings…
      </p>
    );
  }
  const { settings, desktopFeatures } = view;
  return (
    <>
      <MonitoringSection monitoring={settings.monitoring} />
      <AudioSection volume={settings.audio.volume} />
      {desktopFeatures.available && <HotkeysSection hotkeys={settings.hotkeys} problems={view.hotkeyProblems} />}
      <KeyboardSection keyboard={settings.keyboard} />
      <AppearanceSection theme={settings.theme} />
      {desktopFeatures.available ? (
        <NotificationsSection notifications={settings.notifications} />
      ) : (
        <DesktopOnlySection reason={desktopFeatures.unavailableReason} />
      )}
      <Section
        title="Diagnostics"
        description="Versions, connection state and recent log lines, without passwords, for your support team."
      >
        <CopyDiagnosticsButton className="button settings-section__action" />
      </Section>
    </>
  );
}

/** The settings, in a panel off the header. Every change is saved at once; Escape closes it. */
export function SettingsPanel() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const show = () => setOpen(true);

  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="Settings"
        title="Settings"
        aria-haspopup="dialog"
        data-testid="settings-button"
        onClick={show}
      >
        <GearIcon />
      </button>
      <dialog
        ref={dialog}
        className="settings-panel"
        // Focus falls back here when a control inside goes away (a restore button that is no longer needed).
        tabIndex={-1}
        aria-labelledby="settings-panel-title"
        data-testid="settings-panel"
        onClose={() => setOpen(false)}
      >
        {open && (
          <>
            <div className="settings-panel__head">
              <GearIcon className="settings-panel__icon" />
              <h2 id="settings-panel-title" className="settings-panel__title">
                Settings
              </h2>
              <button
                type="button"
                className="icon-button"
                aria-label="Close settings"
                title="Close (Esc)"
                onClick={() => setOpen(false)}
              >
                <CloseIcon width={14} height={14} />
              </button>
            </div>
            <div className="settings-panel__body">
              <SettingsBody />
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
