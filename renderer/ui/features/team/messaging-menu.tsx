import { useCallback, useId, useRef } from 'react';
import type { ComponentType, SVGProps } from 'react';
import type {
  MessagingChannel,
  MessagingFrequency,
  MessagingMode,
  MessagingSubscription,
} from '../../../../electron/common/models/messaging';
import { ChatIcon, ChevronIcon, EyeIcon, EyeOffIcon, PeopleIcon, SmsIcon } from '../../components/icons';
import type { AppStoreState } from '../../store/app-store';
import { commandKeys, failureOf, isSending } from '../../store/command-status';
import type { MessagingMenuTarget } from '../../store/mirror';
import { useAppStore, useAppStoreApi, useCommands } from '../../store/store-context';
import {
  channelLabels,
  describeMessagingSubscription,
  frequencyLabels,
  messagingChannels,
  messagingModes,
} from '../messaging/messaging-model';
import { OptionList } from '../../components/option-list';
import { messagingButtonWording, messagingPillText, messagingTriggerName } from './monitor-wording';
import { MESSAGING_MENU_ID, closeTeamMenus, moveOpenMenuToTrigger, useForgetTargetWhenClosed } from './team-menus';

const channelIcons: Readonly<Record<MessagingChannel, ComponentType<SVGProps<SVGSVGElement>>>> = {
  chat: ChatIcon,
  sms: SmsIcon,
};

const modeIcons: Readonly<Record<MessagingMode, ComponentType<SVGProps<SVGSVGElement>>>> = {
  Monitor: EyeOffIcon,
  Coach: EyeIcon,
  BargeIn: PeopleIcon,
};

const modeTestIds = { Monitor: 'monitor', Coach: 'coach', BargeIn: 'barge' } as const;
const frequencies: ReadonlyArray<MessagingFrequency> = ['AllChats', 'NextChat'];

export function selectMessagingSubscription(
  state: AppStoreState,
  agentId: string,
  channel: MessagingChannel,
): MessagingSubscription | null {
  return (
    state.mirror.app?.messaging.subscriptions.find(
      (subscription) => subscription.agentId === agentId && subscription.channel === channel,
    ) ?? null
  );
}

function SubscriptionPill({ subscription }: { subscription: MessagingSubscription }) {
  const Icon = channelIcons[subscription.channel];
  const view = describeMessagingSubscription(subscription);
  return (
    <span
      className={`messaging-pill messaging-pill--${subscription.mode}${subscription.pending ? ' is-pending' : ''}`}
      data-testid={`messaging-subscription-${subscription.agentId}-${subscription.channel}`}
      data-mode={subscription.mode}
      data-frequency={subscription.frequency}
      data-pending={subscription.pending}
      title={view.description}
    >
      <Icon width={12} height={12} />
      <span className="messaging-pill__text">{messagingPillText(subscription)}</span>
      <span className="visually-hidden">{view.description}</span>
    </span>
  );
}

/**
 * The row's Chats & SMS control. It shows the agent's chat and SMS subscriptions and opens the one
 * menu where they are started, changed and cancelled.
 */
export function MessagingTrigger({
  agentId,
  agentName,
  tabbable,
}: {
  agentId: string;
  agentName: string;
  tabbable: boolean;
}) {
  const chat = useAppStore((state) => selectMessagingSubscription(state, agentId, 'chat'));
  const sms = useAppStore((state) => selectMessagingSubscription(state, agentId, 'sms'));
  const store = useAppStoreApi();
  const openMenu = useAppStore((state) => state.uiActions.openMessagingMenu);
  const subscriptions = [chat, sms].filter((subscription) => subscription !== null);
  return (
    <button
      type="button"
      className={`messaging-trigger${subscriptions.length > 0 ? ' is-active' : ''}`}
      data-testid={`messaging-menu-${agentId}`}
      popoverTarget={MESSAGING_MENU_ID}
      aria-haspopup="dialog"
      // What the button shows plus whose it is, so its visible words are always part of its name (WCAG 2.5.3).
      aria-label={messagingTriggerName(agentName, subscriptions.map(messagingPillText))}
      title={
        subscriptions.length === 0
          ? `Monitor, coach or barge in on ${agentName}’s chats and SMS sessions`
          : subscriptions.map((subscription) => describeMessagingSubscription(subscription).description).join(' ')
      }
      tabIndex={tabbable ? 0 : -1}
      onClick={(event) => {
        const shownFor = store.getState().ui.messagingMenu;
        moveOpenMenuToTrigger(event, MESSAGING_MENU_ID, shownFor !== null && shownFor.agentId !== agentId);
        openMenu({ agentId, agentName });
      }}
    >
      {subscriptions.length === 0 ? (
        <>
          <ChatIcon className="messaging-trigger__icon" width={14} height={14} />
          <span className="messaging-trigger__text">Chats &amp; SMS</span>
        </>
      ) : (
        subscriptions.map((subscription) => <SubscriptionPill key={subscription.channel} subscription={subscription} />)
      )}
      <ChevronIcon className="messaging-trigger__chevron" width={12} height={12} />
    </button>
  );
}

function blockedReason(state: AppStoreState): string | null {
  const app = state.mirror.app;
  if (app === null || app.connection.status !== 'connected') return 'Waiting for the connection to the contact center';
  return null;
}

function ChannelSection({
  target,
  channel,
  close,
}: {
  target: MessagingMenuTarget;
  channel: MessagingChannel;
  close: () => void;
}) {
  const commands = useCommands();
  const subscription = useAppStore((state) => selectMessagingSubscription(state, target.agentId, channel));
  const key = commandKeys.messagingSubscription(target.agentId, channel);
  const sending = useAppStore((state) => isSending(state.ui.commandStatuses, key));
  const failure = useAppStore((state) => failureOf(state.ui.commandStatuses, key)?.message ?? null);
  const blocked = useAppStore(blockedReason);
  const defaultMode = useAppStore((state) => state.settings.view?.settings.monitoring.messaging.mode ?? 'Monitor');
  const busy = sending || (subscription?.pending ?? false);
  const Icon = channelIcons[channel];
  const labels = channelLabels[channel];
  const view = subscription === null ? null : describeMessagingSubscription(subscription);
  return (
    <section className="messaging-menu__channel" aria-label={labels.one}>
      <div className="messaging-menu__channel-head">
        <Icon className="messaging-menu__channel-icon" width={14} height={14} />
        <span className="messaging-menu__channel-name">{labels.one}</span>
        {view === null ? (
          <span className="messaging-menu__status">Not monitored</span>
        ) : (
          <>
            <span className={`messaging-menu__status messaging-menu__status--${subscription?.mode}`}>
              {view.modeLabel} · {view.status}
            </span>
            <button
              type="button"
              className="button button--small messaging-menu__cancel"
              data-testid={`messaging-cancel-${target.agentId}-${channel}`}
              title={`Stop new ${labels.many} reaching you; those under way go on until you leave them`}
              disabled={busy || blocked !== null}
              onClick={() => {
                close();
                void commands.cancelMessagingMonitoring(target.agentId, channel);
              }}
            >
              Cancel
            </button>
          </>
        )}
      </div>
      <div className="messaging-menu__modes" role="group" aria-label={`${labels.one}: start monitoring`}>
        {messagingModes.map((mode) => {
          const ModeIcon = modeIcons[mode];
          const current = subscription?.mode === mode;
          const usual = mode === defaultMode;
          const wording = messagingButtonWording(mode, channel, target.agentName, { current, usual });
          return (
            <button
              key={mode}
              type="button"
              className={`monitor-button monitor-button--${modeTestIds[mode]} messaging-menu__mode${mode === defaultMode ? ' is-default' : ''}`}
              data-testid={`${channel}-${modeTestIds[mode]}-${target.agentId}`}
              data-default={mode === defaultMode}
              aria-label={wording.name}
              aria-pressed={current}
              title={blocked ?? wording.description}
              disabled={busy || blocked !== null}
              onClick={() => {
                close();
                void commands.monitorMessaging({ agentId: target.agentId, channel, mode });
              }}
            >
              <ModeIcon className="monitor-button__icon" width={14} height={14} />
              {wording.text}
            </button>
          );
        })}
      </div>
      {failure !== null && <p className="popover__problem">{failure}</p>}
    </section>
  );
}

function MessagingOptionsFields() {
  const nicknameId = useId();
  const frequency = useAppStore((state) => state.ui.messagingOptions.frequency);
  const nickname = useAppStore((state) => state.ui.messagingOptions.nickname);
  const userName = useAppStore((state) => state.mirror.app?.session?.supervisor.userName ?? '');
  const setOptions = useAppStore((state) => state.uiActions.setMessagingOptions);
  return (
    <div className="messaging-menu__options">
      <OptionList
        legend="Which ones"
        name="messaging-frequency"
        options={frequencies}
        labels={frequencyLabels}
        value={frequency}
        onChange={(option) => setOptions({ frequency: option })}
      />
      <label className="messaging-menu__nickname" htmlFor={nicknameId}>
        <span className="option-group__legend">Nickname</span>
        <input
          id={nicknameId}
          type="text"
          className="messaging-menu__nickname-input"
          data-testid="messaging-nickname"
          maxLength={64}
          placeholder={userName}
          value={nickname}
          onChange={(event) => setOptions({ nickname: event.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
        <span className="option__hint">The name others see when you coach or barge in. Empty: your user name.</span>
      </label>
    </div>
  );
}

/**
 * Start, change or cancel chat and SMS monitoring of the agent whose trigger opened it. Several
 * agents can be monitored at once; only conversations the agent accepts from now on come in.
 */
export function MessagingMenu() {
  const popover = useRef<HTMLDivElement>(null);
  const target = useAppStore((state) => state.ui.messagingMenu);
  const openMenu = useAppStore((state) => state.uiActions.openMessagingMenu);
  const close = closeTeamMenus;

  const forgetTarget = useCallback(() => openMenu(null), [openMenu]);
  useForgetTargetWhenClosed(popover, forgetTarget);
  return (
    <div
      ref={popover}
      id={MESSAGING_MENU_ID}
      popover="auto"
      className="popover messaging-menu"
      role="dialog"
      aria-label={target === null ? 'Chats and SMS' : `Chats and SMS of ${target.agentName}`}
      data-testid="messaging-menu"
    >
      {target !== null && (
        <>
          <p className="messaging-menu__title">
            Chats &amp; SMS of <strong>{target.agentName}</strong>
          </p>
          {messagingChannels.map((channel) => (
            <ChannelSection key={channel} target={target} channel={channel} close={close} />
          ))}
          <MessagingOptionsFields />
          <p className="popover__note">
            Applies to the next monitoring you start. It begins with the next chat or SMS the agent accepts.
          </p>
        </>
      )}
    </div>
  );
}
