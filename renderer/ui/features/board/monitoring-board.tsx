import { memo, useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Conversation, MessagingSubscription } from '../../../../electron/common/models/messaging';
import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { keyTargetCall } from '../../../../electron/common/models/voice-targets';
import type { AppStoreState } from '../../store/app-store';
import { shareStructure } from '../../store/share-structure';
import { useAppStore, useAppStoreApi, useClock } from '../../store/store-context';
import { ConversationCard } from '../messaging/conversation-card';
import { StatusPill } from '../team/state-pill';
import { CallCard } from '../voice/call-card';
import { useFocusKind } from '../../components/use-focus-kind';
import { activeBindings, shortcutsActIn } from '../voice/shortcuts';
import { useShortcutOptions, useVoiceShortcuts } from '../voice/use-voice-shortcuts';
import { isLiveCall, whenCallArrives } from '../voice/voice-model';
import { boardCountText, groupByAgent, recentlyEnded } from './board-model';
import type { BoardGroup } from './board-model';
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

function waitingForMessagingText(subscriptions: ReadonlyArray<MessagingSubscription>): string | null {
  const settled = subscriptions.filter((subscription) => !subscription.pending);
  if (settled.length === 0) return subscriptions.length > 0 ? 'Setting up chat and SMS monitoring…' : null;
  const who = settled.map(
    (subscription) => `${subscription.agentName}’s next ${subscription.channel === 'sms' ? 'SMS' : 'chat'}`,
  );
  return `Waiting for ${who.join(', ')}.`;
}

function BoardEmpty() {
  const subscription = useAppStore((state) => state.mirror.app?.voice.subscription ?? null);
  const messaging = useAppStore((state) => state.mirror.app?.messaging.subscriptions ?? noSubscriptions);
  const sipReady = useAppStore((state) => state.mirror.app?.voice.sip.registration === 'registered');
  const messagingText = waitingForMessagingText(messaging);
  let message: string;
  if (subscription === null) {
    message =
      messagingText ?? 'Not monitoring anyone. Use Listen, Coach or Barge in on an agent’s row, or their Chats & SMS.';
  } else if (subscription.status === 'requesting') {
    message = 'Setting up monitoring…';
  } else if (subscription.status === 'paused') {
    message = 'Monitoring is paused: the audio window is closed, so calls cannot be heard.';
  } else {
    message = `Waiting for a call. ${whenCallArrives(subscription.mode, subscription.agentName)}`;
    if (messagingText !== null) message = `${message} ${messagingText}`;
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
 * Groups are rebuilt on every change the board hears of, then reuse the previous groups' objects
 * where nothing moved, so a new line in a chat re-renders neither the board nor the other groups.
 */
function createGroupsSelector(endingIds: ReadonlyArray<string>): (state: AppStoreState) => ReadonlyArray<BoardGroup> {
  let previous: ReadonlyArray<BoardGroup> = [];
  return (state) => {
    const app = state.mirror.app;
    const history = app?.messaging.history ?? noConversations;
    const ending = endingIds.flatMap((id) => history.filter((conversation) => conversation.id === id));
    const next = groupByAgent(app?.voice.calls ?? noCalls, [
      ...(app?.messaging.conversations ?? noConversations),
      ...ending,
    ]);
    previous = shareStructure(previous, next);
    return previous;
  };
}

function GroupCall({ callId, keysTarget }: { callId: string; keysTarget: boolean }) {
  const call = useAppStore(
    (state) => state.mirror.app?.voice.calls.find((candidate) => candidate.id === callId) ?? null,
  );
  return call === null ? null : <CallCard call={call} keysTarget={keysTarget} />;
}

function GroupSummary({ group }: { group: BoardGroup }) {
  const agent = useAppStore((state) =>
    group.agentId === null
      ? null
      : (state.mirror.app?.team.agents.find((candidate) => candidate.id === group.agentId) ?? null),
  );
  const counts = useAppStore((state) => {
    const conversations = state.mirror.app?.messaging.conversations ?? noConversations;
    const live = group.conversationIds.filter((id) => conversations.some((conversation) => conversation.id === id));
    const sms = live.filter((id) =>
      conversations.some((conversation) => conversation.id === id && conversation.channel === 'sms'),
    );
    return boardCountText({ calls: group.callIds.length, chats: live.length - sms.length, sms: sms.length });
  });
  return (
    <div className="board-group__head">
      <h3 className="board-group__name">{group.agentName}</h3>
      {agent !== null && <StatusPill agent={agent} />}
      {counts !== null && <span className="board-group__count">{counts}</span>}
    </div>
  );
}

const BoardGroupView = memo(function BoardGroupView({
  group,
  keysTargetId,
}: {
  group: BoardGroup;
  keysTargetId: string | null;
}) {
  return (
    <section
      className="board-group"
      aria-label={`Monitoring ${group.agentName}`}
      data-testid={`board-group-${group.agentId ?? group.key}`}
    >
      <GroupSummary group={group} />
      <div className="board__cards">
        {group.callIds.map((id) => (
          <GroupCall key={id} callId={id} keysTarget={id === keysTargetId} />
        ))}
        {group.conversationIds.map((id) => (
          <ConversationCard key={id} conversationId={id} />
        ))}
      </div>
    </section>
  );
});

/** Live monitoring across voice, chat and SMS, grouped by agent; history below. */
export function MonitoringBoard() {
  useVoiceShortcuts();
  const endingKey = useRecentlyEndedIds();
  const selectGroups = useMemo(() => createGroupsSelector(endingKey === '' ? [] : endingKey.split('\n')), [endingKey]);
  const groups = useAppStore(selectGroups);
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
  const liveCount = calls.filter(isLiveCall).length;
  const countText = boardCountText({ calls: liveCount, chats: chatCount, sms: smsCount });
  // Which call the keys act on is worth saying only when there is a choice.
  const keysTargetId = liveCount > 1 ? (target?.id ?? null) : null;
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
      {groups.length === 0 ? (
        <BoardEmpty />
      ) : (
        <div className="board__groups">
          {groups.map((group) => (
            <BoardGroupView
              key={group.key}
              group={group}
              keysTargetId={keysTargetId !== null && group.callIds.includes(keysTargetId) ? keysTargetId : null}
            />
          ))}
        </div>
      )}
      <MonitoringHistory />
    </section>
  );
}
