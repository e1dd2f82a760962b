import { useCallback, useRef } from 'react';
import { ChevronIcon } from '../../components/icons';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { MonitorButtons, NothingToMonitor } from './monitor-buttons';
import { MonitoringStatus } from './monitoring-status';
import { AGENT_MENU_ID, MESSAGING_MENU_ID, moveOpenMenuToTrigger, useForgetTargetWhenClosed } from './team-menus';

/** In narrow windows a row's actions fold into this one button. */
export function AgentMenuTrigger({
  agentId,
  agentName,
  tabbable,
}: {
  agentId: string;
  agentName: string;
  tabbable: boolean;
}) {
  const store = useAppStoreApi();
  const openMenu = useAppStore((state) => state.uiActions.openAgentMenu);
  return (
    <button
      type="button"
      className="agent-menu-trigger"
      data-testid={`agent-menu-${agentId}`}
      popoverTarget={AGENT_MENU_ID}
      aria-haspopup="dialog"
      tabIndex={tabbable ? 0 : -1}
      onClick={(event) => {
        const shownFor = store.getState().ui.agentMenu;
        moveOpenMenuToTrigger(event, AGENT_MENU_ID, shownFor !== null && shownFor.agentId !== agentId);
        openMenu({ agentId, agentName });
      }}
    >
      Monitor
      <span className="visually-hidden"> {agentName}</span>
      <ChevronIcon className="agent-menu-trigger__chevron" width={12} height={12} />
    </button>
  );
}

/** Listen, Coach, Barge in (or the monitoring under way and Cancel), and the way to chats and SMS. */
export function AgentMenu() {
  const popover = useRef<HTMLDivElement>(null);
  const target = useAppStore((state) => state.ui.agentMenu);
  const openMenu = useAppStore((state) => state.uiActions.openAgentMenu);
  const openMessagingMenu = useAppStore((state) => state.uiActions.openMessagingMenu);
  const monitored = useAppStore(
    (state) =>
      target !== null &&
      (state.mirror.app?.voice.monitoredAgents.some((agent) => agent.agentId === target.agentId) ?? false),
  );
  const voiceMonitoring = useAppStore((state) =>
    target === null
      ? null
      : (state.mirror.app?.team.agents.find((agent) => agent.id === target.agentId)?.voiceMonitoring ?? null),
  );
  const close = () => popover.current?.hidePopover();

  const forgetTarget = useCallback(() => openMenu(null), [openMenu]);
  useForgetTargetWhenClosed(popover, forgetTarget);

  return (
    <div
      ref={popover}
      id={AGENT_MENU_ID}
      popover="auto"
      className="popover agent-menu"
      role="dialog"
      aria-label={target === null ? 'Monitor' : `Monitor ${target.agentName}`}
      data-testid="agent-menu"
    >
      {target !== null && (
        <>
          <p className="agent-menu__title">
            <strong>{target.agentName}</strong>
          </p>
          <section className="agent-menu__section" aria-label="Calls">
            <span className="agent-menu__heading">Calls</span>
            {monitored && <MonitoringStatus agentId={target.agentId} tabbable />}
            {!monitored && voiceMonitoring === 'logged-out' && <NothingToMonitor placement="menu" />}
            {!monitored && voiceMonitoring !== 'logged-out' && (
              <MonitorButtons
                agentId={target.agentId}
                agentName={target.agentName}
                agentOnCall={voiceMonitoring === 'call-in-progress'}
                tabbable
                placement="menu"
                onStart={close}
              />
            )}
          </section>
          <section className="agent-menu__section" aria-label="Chats and SMS">
            <button
              type="button"
              className="button button--small"
              data-testid="agent-menu-messaging"
              popoverTarget={MESSAGING_MENU_ID}
              onClick={() => openMessagingMenu(target)}
            >
              Chats &amp; SMS…
            </button>
          </section>
        </>
      )}
    </div>
  );
}
