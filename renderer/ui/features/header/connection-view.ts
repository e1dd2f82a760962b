import type { Connection, ConnectionStatus } from '../../../../electron/common/models/app-state';
import type { Session } from '../../../../electron/common/models/app-state';
import { assertNever } from '../../../../electron/common/result';

export type ConnectionTone = 'good' | 'warning' | 'bad' | 'neutral';

export interface ConnectionView {
  readonly tone: ConnectionTone;
  readonly label: string;
  readonly message: string | null;
}

function statusLabel(status: ConnectionStatus): { tone: ConnectionTone; label: string } {
  switch (status) {
    case 'connected':
      return { tone: 'good', label: 'Connected' };
    case 'live-updates-down':
      return { tone: 'warning', label: 'Live updates down — retrying' };
    case 'reconnecting':
      return { tone: 'warning', label: 'Reconnecting' };
    case 'offline':
      return { tone: 'bad', label: 'Offline' };
    case 'signing-in':
      return { tone: 'neutral', label: 'Signing in…' };
    case 'signing-out':
      return { tone: 'neutral', label: 'Signing out…' };
    case 'signed-out':
      return { tone: 'neutral', label: 'Signed out' };
    default:
      return assertNever(status);
  }
}

export function describeConnection(connection: Connection): ConnectionView {
  const message = connection.message?.trim() ? connection.message.trim() : null;
  return { ...statusLabel(connection.status), message };
}

/** "Demo" for the embedded contact center, otherwise the host (and port) the supervisor typed. */
export function describeServer(server: Session['server']): string {
  if (server.isDemo) return 'Demo';
  try {
    return new URL(server.baseUrl).host || server.baseUrl;
  } catch {
    return server.baseUrl;
  }
}
