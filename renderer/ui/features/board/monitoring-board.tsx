import { memo, useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Conversation, MessagingSubscription } from '../../../../electron/common/models/messaging';
import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { keyTargetCall } from '../../../../electron/common/models/voice-targets';
import type { AppStoreState } from '../../store/app-store';
import { shareStructure } from '../../store/share-structure';
import { useAppStore, useAppStoreApi, useClock } from '../../store/store-context';
import { ConversationCard } from '../messaging/conversation-card';
import { CallCard } from '../voice/call-card';
import { useFocusKind } from '../../components/use-focus-kind';
import { activeBindings, shortcutsActIn } from '../voice/shortcuts';
import { useShortcutOptions, useVoiceShortcuts } from '../voice/use-voice-shortcuts';
import { whenCallArrives } from '../voice/voice-model';
import { armedMonitors, boardCountText, orderBoard, recentlyEnded } from './board-model';
import type { BoardCard, BoardLayout } from './board-model';
import { MonitoringHistory } from './monitoring-history';
import './board.css';

const noCalls: ReadonlyArray<MonitoredCall> = [];
const noConversations: ReadonlyArray<Conversation> = [];
const noSubscriptions: ReadonlyArray<MessagingSubscription> = [];

/** Only keys that would do something now, on the call they act on; none while the supervisor types. */
function ShortcutLegend({ call }: { call: MonitoredCall }) {
  const focus = useFocusKind();
  const options = useShortcutOptions();
  if (!shortcutsActIn(focus)) {
    return (
      <p className="shortcut-legend shortcut-legend--resting" data-testid="shortcut-legend" data-resting="true">
        Call keys rest while you type or a menu is open
      </p>
    );
  }
  const bindings = activeBindings(call, focus, options);
  if (bindings.length === 0) return null;
  return (
    <ul
      className="shortcut-legend"
      aria-label="Keyboard shortcuts for the monitored call"
      data-testid="shortcut-legend"
    >
      {bindings.map((binding) => (
        <li key={binding.command} className="shortcut-legend__item" data-command={binding.command}>
          {binding.keys.map((key) => (
            <kbd key={key}>{key}</kbd>
          ))}
          <span>{binding.label}</span>
        </li>
      ))}
    </ul>
  );
}

function BoardEmpty() {
  const subscription = useAppStore((state) => state.mirror.app?.voice.subscription ?? null);
  const armed = useAppStore((state) => (state.mirror.app?.messaging.subscriptions.length ?? 0) > 0);
  const sipReady = useAppStore((state) => state.mirror.app?.voice.sip.registration === 'registered');
  let message: string;
  if (subscription === null) {
    message = armed
      ? 'No chat or SMS yet: it appears here as soon as it starts.'
      : 'Not monitoring anyone. Use Listen, Coach or Barge in on an agent’s row, or their Chats & SMS.';
  } else if (subscription.status === 'requesting') {
    message = 'Setting up monitoring…';
  } else if (subscription.status === 'paused') {
    message = 'Monitoring is paused: the audio window is closed, so calls cannot be heard.';
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

/** What is armed and waiting, in one line of chips, so it stays said once cards fill the board. */
function ArmedMonitors() {
  const voice = useAppStore((state) => state.mirror.app?.voice.subscription ?? null);
  const messaging = useAppStore((state) => state.mirror.app?.messaging.subscriptions ?? noSubscriptions);
  const monitors = armedMonitors(voice, messaging);
  if (monitors.length === 0) return null;
  return (
    <ul className="armed-monitors" aria-label="Monitoring armed" data-testid="armed-monitors">
      {monitors.map((monitor) => (
        <li
          key={monitor.key}
          className={`armed-monitor${monitor.goesLive ? ' armed-monitor--live' : ''}`}
          data-testid="armed-monitor"
        >
          <span className="armed-monitor__dot" aria-hidden="true" />
          {monitor.text}
          {monitor.settingUp && <span className="armed-monitor__note"> (setting up…)</span>}
        </li>
      ))}
    </ul>
  );
}

function useRecentlyEndedIds(): string {
  const clock = useClock();
  const store = useAppStoreApi();
  const subscribe = useCallback(
    (notify: () => void) => {
      const stopClock = clock.subscribe(notify);
      const stopStore = store.subscribe(notify);
      return () => {
        stopClock();
        stopStore();
      };
    },
    [clock, store],
  );
  // A string, so the board wakes only when the set of ending cards changes, not on every tick.
  return useSyncExternalStore(subscribe, () => {
    const state = store.getState();
    const history = state.mirror.app?.messaging.history ?? noConversations;
    return recentlyEnded(history, clock.now(), state.ui.dismissedEndings).join('\n');
  });
}

/**
 * The order is rebuilt on every change the board hears of, then reuses the previous lists where
 * nothing moved, so a new line in a chat re-renders neither the board nor the other cards.
 */
function createLayoutSelector(endingIds: ReadonlyArray<string>): (state: AppStoreState) => BoardLayout {
  let previous: BoardLayout = { pinned: [], others: [] };
  return (state) => {
    const app = state.mirror.app;
    const history = app?.messaging.history ?? noConversations;
    const ending = endingIds.flatMap((id) => history.filter((conversation) => conversation.id === id));
    const next = orderBoard(app?.voice.calls ?? noCalls, [
      ...(app?.messaging.conversations ?? noConversations),
      ...ending,
    ]);
    previous = shareStructure(previous, next);
    return previous;
  };
}

function BoardCall({ callId, keysTarget }: { callId: string; keysTarget: boolean }) {
  const call = useAppStore(
    (state) => state.mirror.app?.voice.calls.find((candidate) => candidate.id === callId) ?? null,
  );
  return call === null ? null : <CallCard call={call} keysTarget={keysTarget} />;
}

const BoardCards = memo(function BoardCards({
  cards,
  keysTargetId,
}: {
  cards: ReadonlyArray<BoardCard>;
  keysTargetId: string | null;
}) {
  return cards.map((card) =>
    card.kind === 'call' ? (
      <BoardCall key={card.key} callId={card.id} keysTarget={card.id === keysTargetId} />
    ) : (
      <ConversationCard key={card.key} conversationId={card.id} />
    ),
  );
});

/**
 * Live monitoring across voice, chat and SMS: what is armed, then one grid of cards, those where
 * someone hears or sees the supervisor first (new cards come after them, never above), then the history.
 */
export function MonitoringBoard() {
  useVoiceShortcuts();
  const endingKey = useRecentlyEndedIds();
  const selectLayout = useMemo(() => createLayoutSelector(endingKey === '' ? [] : endingKey.split('\n')), [endingKey]);
  const layout = useAppStore(selectLayout);
  const calls = useAppStore((state) => state.mirror.app?.voice.calls ?? noCalls);
  const chatCount = useAppStore(
    (state) =>
      state.mirror.app?.messaging.conversations.filter((conversation) => conversation.channel === 'chat').length ?? 0,
  );
  const smsCount = useAppStore(
    (state) =>
      state.mirror.app?.messaging.conversations.filter((conversation) => conversation.channel === 'sms').length ?? 0,
  );
  const target = keyTargetCall(calls);
  const liveCount = calls.length;
  const countText = boardCountText({ calls: liveCount, chats: chatCount, sms: smsCount });
  // Which call the keys act on is worth saying only when there is a choice.
  const keysTargetId = liveCount > 1 ? (target?.id ?? null) : null;
  const empty = layout.pinned.length === 0 && layout.others.length === 0;
  return (
    <section className="board" aria-labelledby="board-title" data-testid="monitoring-board" tabIndex={-1}>
      <div className="board__head">
        <h2 id="board-title" className="board__title">
          Monitoring
        </h2>
        {countText !== null && (
          <span className="board__count" data-testid="board-count">
            {countText}
          </span>
        )}
        {target !== null && <ShortcutLegend call={target} />}
      </div>
      <ArmedMonitors />
      {empty && <BoardEmpty />}
      {/* One scroll for cards and history, focusable so the keyboard can scroll it too. */}
      <div
        className="board__scroll"
        role="region"
        aria-label="Monitored calls and conversations"
        tabIndex={0}
        data-testid="board-scroll"
      >
        {!empty && (
          <div className="board__cards" data-testid="board-cards">
            {/* One keyed list: a card that becomes pinned moves, and keeps its element, focus and state. */}
            <BoardCards cards={[...layout.pinned, ...layout.others]} keysTargetId={keysTargetId} />
          </div>
        )}
        <MonitoringHistory />
      </div>
    </section>
  );
}
