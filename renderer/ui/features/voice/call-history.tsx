import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { useAppStore } from '../../store/store-context';
import { callTitle, formatCallDuration, modeLabels } from './voice-model';

const noCalls: ReadonlyArray<MonitoredCall> = [];

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Ended calls, newest first; collapsed by default so it never pushes the live cards away. */
export function CallHistory() {
  const history = useAppStore((state) => state.mirror.app?.voice.history ?? noCalls);
  if (history.length === 0) return null;
  const newestFirst = [...history].sort((a, b) => (b.endedAt ?? b.startedAt) - (a.endedAt ?? a.startedAt));
  return (
    <details className="history" data-testid="call-history">
      <summary className="history__summary">
        History <span className="history__count">{history.length}</span>
      </summary>
      <table className="history__table">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Customer</th>
            <th scope="col">Length</th>
            <th scope="col">Mode at the end</th>
            <th scope="col">Ended</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((call) => {
            const length = call.endedAt === null ? null : formatCallDuration(call.endedAt - call.startedAt);
            return (
              <tr key={call.id} data-testid={`history-${call.id}`}>
                <td>{call.agentName ?? callTitle(call)}</td>
                <td className="history__number">{call.customerNumber ?? '—'}</td>
                <td className="history__number" title={length?.label}>
                  {length?.text ?? '—'}
                </td>
                <td>{modeLabels[call.mode]}</td>
                <td className="history__number">{call.endedAt === null ? '—' : timeOfDay.format(call.endedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
