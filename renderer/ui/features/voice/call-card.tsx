import { useState } from 'react';
import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { HangUpIcon, MicOffIcon, SpeakerIcon } from '../../components/icons';
import { commandKeys, isSending } from '../../store/command-status';
import { CardProblems } from '../../components/card-problems';
import { useAppStore, useCommands } from '../../store/store-context';
import { AudienceIndicator } from './audience-indicator';
import './voice.css';
import { CallDuration } from './call-duration';
import { LevelMeter } from './level-meter';
import { ariaKeyShortcutsOf, shortcutBindings, withShortcut } from './shortcuts';
import type { ShortcutBinding, ShortcutOptions } from './shortcuts';
import { useShortcutOptions } from './use-voice-shortcuts';
import {
  agentMuteAction,
  callStateLabels,
  callTitle,
  describeCallAudience,
  describePendingCommand,
  formatBehindLive,
  formatPacketLoss,
  modeLabels,
  switchOptions,
} from './voice-model';

const switchTestIds = { ListenIn: 'switch-listen', Coach: 'switch-coach', BargeIn: 'switch-barge' } as const;

const switchTitles = {
  ListenIn: 'Listen: silent, nobody hears you',
  Coach: 'Coach: the agent hears you. A call cannot switch back to Coach once it leaves it.',
  BargeIn: 'Barge in: the agent and the customer hear you',
} as const;

const switchBindings: Readonly<Record<keyof typeof switchTitles, ShortcutBinding | null>> = {
  ListenIn: shortcutBindings.listen,
  Coach: null,
  BargeIn: shortcutBindings.bargeIn,
};

function switchTitle(mode: keyof typeof switchTitles, options: ShortcutOptions): string {
  const binding = switchBindings[mode];
  return binding === null ? switchTitles[mode] : withShortcut(switchTitles[mode], binding, options);
}

/**
 * A button that cannot act right now says so with aria-disabled rather than disabled: a disabled
 * button drops the keyboard's focus to the page, where single keys act again.
 */
function ModeSwitch({ call, sending }: { call: MonitoredCall; sending: boolean }) {
  const commands = useCommands();
  const options = useShortcutOptions();
  if (call.mode === null) return null;
  return (
    <div className="mode-switch" role="group" aria-label="Mode" data-audience={call.audience}>
      {switchOptions(call).map((option) => {
        // Main offers what may happen now: Listen stays available while a go-live is on its way.
        const inactive = !option.current && (!option.available || sending);
        const binding = switchBindings[option.mode];
        return (
          <button
            key={option.mode}
            type="button"
            className={`mode-switch__button mode-switch__button--${option.mode}`}
            data-testid={switchTestIds[option.mode]}
            aria-pressed={option.current}
            title={
              option.available || option.current
                ? switchTitle(option.mode, options)
                : `${option.label} is not available on this call right now`
            }
            aria-keyshortcuts={binding === null ? undefined : ariaKeyShortcutsOf(binding, options)}
            aria-disabled={inactive || undefined}
            onClick={() => {
              if (option.current || inactive || option.mode === 'Coach') return;
              void commands.switchMode(call.id, option.mode);
            }}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}

/**
 * The supervisor's own microphone where the mode already lets them be heard: an ordinary call they
 * answered, or a monitoring call Genesys switched to Coach or Barge in outside Earshot. Opening it is
 * always a click (or the going-live chord in Barge in), never a single key.
 */
function MicrophoneButton({ call, sending }: { call: MonitoredCall; sending: boolean }) {
  const commands = useCommands();
  if (call.canStopTalking) {
    return (
      <button
        type="button"
        className="button button--small"
        data-testid="stop-talking"
        title="Close your microphone: the caller stops hearing you"
        aria-disabled={sending || undefined}
        onClick={() => {
          if (!sending) void commands.setMicrophone(call.id, false);
        }}
      >
        <MicOffIcon width={14} height={14} /> Mute me
      </button>
    );
  }
  if (!call.canTalk) return null;
  const who =
    call.kind === 'ordinary' ? 'the caller' : call.mode === 'Coach' ? 'the agent' : 'the agent and the customer';
  return (
    <button
      type="button"
      className="button button--small button--danger"
      data-testid="talk"
      title={`Open your microphone: ${who} will hear you`}
      aria-disabled={sending || undefined}
      onClick={() => {
        if (!sending) void commands.setMicrophone(call.id, true);
      }}
    >
      {call.kind === 'ordinary' || call.mode === null ? 'Unmute me' : `Talk (${modeLabels[call.mode]})`}
    </button>
  );
}

function VolumeSlider({ call }: { call: MonitoredCall }) {
  const commands = useCommands();
  // While the supervisor drags, the slider shows their hand, not main's echo lagging behind it.
  const [draft, setDraft] = useState<number | null>(null);
  const value = Math.round((draft ?? call.volume) * 100);
  return (
    <label className="volume" title={`Volume ${value} %`}>
      <SpeakerIcon className="volume__icon" width={14} height={14} />
      <span className="visually-hidden">Volume for this call</span>
      <input
        type="range"
        className="volume__slider"
        data-testid="call-volume"
        min={0}
        max={100}
        step={1}
        value={value}
        onChange={(event) => {
          const volume = Number(event.target.value) / 100;
          setDraft(volume);
          void commands.setVolume(call.id, volume);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}

export function CallCard({ call, keysTarget }: { call: MonitoredCall; keysTarget: boolean }) {
  const commands = useCommands();
  const options = useShortcutOptions();
  const sending = useAppStore((state) => isSending(state.ui.commandStatuses, commandKeys.call(call.id)));
  const hangingUp = useAppStore((state) => isSending(state.ui.commandStatuses, commandKeys.hangUp(call.id)));
  const audience = describeCallAudience(call);
  const pending = describePendingCommand(call.pendingCommand);
  const busy = sending || call.pendingCommand !== null;
  const mute = agentMuteAction(call);
  const title = callTitle(call);
  const behindLive = formatBehindLive(call.audio.behindLiveMs);
  const loss = formatPacketLoss(call.audio.packetLossPercent);
  const waitingForAudio = call.state === 'established' && call.audio.firstAudioAt === null;
  const canHangUp = call.canHangUp && !hangingUp;

  return (
    <article
      className={`call-card call-card--${audience.tone}`}
      aria-label={call.kind === 'ordinary' ? `Call from ${title}` : `Call with ${title}`}
      data-testid={`call-card-${call.id}`}
      data-kind={call.kind}
      data-mode={call.mode ?? 'none'}
      data-audience={call.audience}
      data-state={call.state}
      data-microphone={call.microphone}
      data-agent-muted={call.agentMuted}
      aria-busy={busy}
      // Focus lands here when a control inside goes away, instead of falling to the page.
      tabIndex={-1}
    >
      <AudienceIndicator call={call} />
      <div className="call-card__body">
        <div className="call-card__head">
          <span className="call-card__agent" title={title}>
            {title}
          </span>
          {call.agentName !== null && call.customerNumber !== null && (
            <span className="call-card__customer" title="Customer">
              {call.customerNumber}
            </span>
          )}
          {call.agentMuted && (
            <span className="call-card__flag">
              <MicOffIcon width={12} height={12} /> Agent muted
            </span>
          )}
          <span className="call-card__state" data-state={call.state}>
            {callStateLabels[call.state]}
          </span>
          <CallDuration startedAt={call.startedAt} endedAt={null} />
        </div>

        <div className="call-card__audio">
          <LevelMeter level={call.audio.level} label={`What you hear from ${title}`} />
          <span className="call-card__stat" data-testid="behind-live">
            {waitingForAudio ? 'Waiting for audio…' : (behindLive ?? 'Measuring delay…')}
          </span>
          {loss !== null && (
            <span className={`call-card__stat${loss.noticeable ? ' call-card__stat--warning' : ''}`}>{loss.text}</span>
          )}
          {keysTarget && <span className="call-card__keys">Keys act on this call</span>}
        </div>

        <div className="call-card__controls">
          <ModeSwitch call={call} sending={sending} />
          <MicrophoneButton call={call} sending={sending} />
          {mute !== null && (
            <button
              type="button"
              className="button button--small"
              data-testid="mute-agent"
              aria-pressed={call.agentMuted}
              title={withShortcut(mute.label, shortcutBindings.muteAgent, options)}
              aria-keyshortcuts={ariaKeyShortcutsOf(shortcutBindings.muteAgent, options)}
              aria-disabled={!mute.available || busy || undefined}
              onClick={() => {
                if (mute.available && !busy) void commands.muteAgent(call.id, mute.muted);
              }}
            >
              {mute.label}
            </button>
          )}
          <VolumeSlider call={call} />
          <button
            type="button"
            className="button button--small button--danger call-card__hang-up"
            data-testid="hang-up"
            title={withShortcut('Hang up', shortcutBindings.hangUp, options)}
            aria-keyshortcuts={ariaKeyShortcutsOf(shortcutBindings.hangUp, options)}
            aria-disabled={!canHangUp || undefined}
            onClick={() => {
              if (canHangUp) void commands.hangUp(call.id);
            }}
          >
            <HangUpIcon width={14} height={14} />
            {hangingUp || call.pendingCommand === 'hang-up' ? 'Hanging up…' : 'Hang up'}
          </button>
        </div>

        {pending !== null && (
          <p className="call-card__pending" role="status" data-testid="call-pending">
            <span className="spinner spinner--small" aria-hidden="true" />
            {pending}
          </p>
        )}
        <CardProblems
          commandKeys={[commandKeys.call(call.id), commandKeys.hangUp(call.id), commandKeys.volume(call.id)]}
          // A call's own problem already stands under the audience line.
          stateError={null}
          testId="call-error"
        />
      </div>
    </article>
  );
}
