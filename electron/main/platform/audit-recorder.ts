import type { AuditEntry, SupervisorAction } from '../../common/models/audit';
import type { AppStore } from '../state/app-store';
import type { AuditTrail } from './audit-trail';
import type { Logger } from './logger';

/** What the recorder needs of the monitoring services: VoiceMonitoring and MessagingMonitoring both offer it. */
export interface SupervisorActionSource {
  onAction(listener: (action: SupervisorAction) => void): () => void;
}

export interface AuditRecorderOptions {
  readonly sources: readonly SupervisorActionSource[];
  readonly store: AppStore;
  readonly trail: Pick<AuditTrail, 'append'>;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Writes an audit line for each supervisor action the services report, with who did it and to whom,
 * as the app state knows them at that moment. A line that cannot be written is logged as an error:
 * the action itself has already happened.
 */
export function startAuditRecorder(options: AuditRecorderOptions): () => void {
  const now = options.now ?? Date.now;
  // What ends with a sign-out (a call's leg, once the audio page confirms it) is reported after the
  // session is gone: it is still the work of the supervisor who was signed in.
  let lastSupervisor: string | null = null;
  const record = (action: SupervisorAction) => {
    const state = options.store.getState();
    const agentName = action.agentId
      ? (state.team.agents.find((agent) => agent.id === action.agentId)?.displayName ?? null)
      : null;
    lastSupervisor = state.session?.supervisor.userName ?? lastSupervisor;
    const entry: AuditEntry = {
      otherParty: null,
      ending: null,
      transferredTo: null,
      ...action,
      time: new Date(now()).toISOString(),
      supervisor: lastSupervisor ?? 'unknown',
      agentName,
    };
    const appended = options.trail.append(entry);
    if (!appended.ok)
      options.logger.error('An action is missing from the audit trail', {
        kind: action.kind,
        interactionId: action.interactionId,
        reason: appended.error.detail,
      });
  };
  const stops = options.sources.map((source) => source.onAction(record));
  return () => {
    for (const stop of stops) stop();
  };
}
