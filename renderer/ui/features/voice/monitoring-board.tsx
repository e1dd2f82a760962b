import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { useAppStore } from '../../store/store-context';
import { CallCard } from './call-card';
import { CallHistory } from './call-history';
import { shortcutHints } from './shortcuts';
import type { ShortcutHint } from './shortcuts';
import { shortcutTargetCall } from './shortcuts';
import { useVoiceShortcuts } from './use-voice-shortcuts';
import { isLiveCall, whenCallArrives } from './voice-model';
import './voice.css';

const noCalls: ReadonlyArray<MonitoredCall> = [];

function ShortcutLegend() {
  const hints: ReadonlyArray<ShortcutHint> = [
    shortcutHints.listen,
    shortcutHints.barge,
    shortcutHints.mute,
    shortcutHints.hangUp,
  ];
  return (
    <ul className="shortcut-legend" aria-label="Keyboard shortcuts for the monitored call">
      {hints.map((hint) => (
        <li key={hint.label} className="shortcut-legend__item">
          {hint.keys.map((key) => (
            <kbd key={key}>{key}</kbd>
          ))}
          <span>{hint.label}</span>
        </li>
      ))}
    </ul>
  );
}

function BoardEmpty() {
  const subscription = useAppStore((state) => state.mirror.app?.voice.subscription ?? null);
  const sipReady = useAppStore((state) => state.mirror.app?.voice.sip.registration === 'registered');
  let message: string;
  if (subscription === null) {
    message = 'Not monitoring anyone. Use Listen, Coach or Barge in on an agent’s row.';
  } else if (subscription.pending) {
    message = 'Setting up monitoring…';
  } else {
    message = `Waiting for a call. ${whenCallArrives(subscription.mode, subscription.agentName)}`;
  }
  return (
    <p className="board__empty" data-testid="board-empty">
      {message}
      {subscription !== null && !sipReady && (
        <span className="board__warning"> The phone line is not ready, so the call cannot reach you yet.</span>
      )}
    </p>
  );
}

/** Live monitoring, one card per call; chat and SMS cards will join it here. */
export function MonitoringBoard() {
  useVoiceShortcuts();
  const calls = useAppStore((state) => state.mirror.app?.voice.calls ?? noCalls);
  const target = shortcutTargetCall(calls);
  const liveCount = calls.filter(isLiveCall).length;
  return (
    <section className="board" aria-labelledby="board-title" data-testid="monitoring-board">
      <div className="board__head">
        <h2 id="board-title" className="board__title">
          Monitoring
        </h2>
        {liveCount > 0 && <span className="board__count">{liveCount === 1 ? '1 call' : `${liveCount} calls`}</span>}
        {target !== null && <ShortcutLegend />}
      </div>
      {calls.length === 0 ? (
        <BoardEmpty />
      ) : (
        <div className="board__cards">
          {calls.map((call) => (
            <CallCard key={call.id} call={call} keysTarget={liveCount > 1 && call.id === target?.id} />
          ))}
        </div>
      )}
      <CallHistory />
    </section>
  );
}
